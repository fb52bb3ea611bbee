package org.virtd.qemu.blockjob;

/** virDomainBlockJobType with the names libvirt writes in {@code <mirror job=>} and its records. */
public enum BlockJobType {
    PULL(1, "pull"), COPY(2, "copy"), COMMIT(3, "commit"), ACTIVE_COMMIT(4, "active-commit");

    final int code;
    final String xmlName;

    BlockJobType(int code, String xmlName) {
        this.code = code;
        this.xmlName = xmlName;
    }

    public int code() {
        return code;
    }

    static BlockJobType named(String name) {
        for (BlockJobType t : values()) {
            if (t.xmlName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no block job type " + name);
    }
}
