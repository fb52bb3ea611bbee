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
    LXC(17),
    STORAGE(18),
    NETWORK(19),
    DOMAIN(20),
    NODEDEV(22),
    SECURITY(24),
    VBOX(25),
    INTERFACE(26),
    SECRET(30),
    CPU(31),
    NWFILTER(33),
    DOMAIN_SNAPSHOT(35),
    STREAMS(38),
    EVENT(40),
    DBUS(43),
    CAPABILITIES(44),
    URI(45),
    AUTH(46),
    IDENTITY(53),
    CGROUP(54),
    ACCESS(55),
    SYSTEMD(56),
    POLKIT(60),
    ADMIN(62),
    LOGGING(63),
    DOMAIN_CHECKPOINT(69);

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
