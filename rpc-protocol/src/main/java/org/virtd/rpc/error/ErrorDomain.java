package org.virtd.rpc.error;

/** libvirt's {@code virErrorDomain}: which layer reported an error (wire-protocol.md §5). */
public enum ErrorDomain {
    NONE(0),
    XML(5),
    DOM(6),
    RPC(7),
    CONF(9),
    QEMU(10),
    REMOTE(13),
    NETWORK(19),
    DOMAIN(20),
    CPU(31),
    VBOX(25),
    CAPABILITIES(44),
    URI(45),
    AUTH(46),
    IDENTITY(53),
    ACCESS(55),
    SYSTEMD(56),
    POLKIT(60),
    ADMIN(62),
    LOGGING(63);

    public final int wire;

    ErrorDomain(int wire) {
        this.wire = wire;
    }

    public static ErrorDomain fromWire(int wire) {
        for (ErrorDomain d : values()) {
            if (d.wire == wire) {
                return d;
            }
        }
        return null;
    }
}
