package org.virtd.qemu.qmp;

/** JSON {@code null}. */
public enum JsonNull implements JsonValue {
    NULL;

    @Override
    public String toJson() {
        return "null";
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append("null");
    }
}
