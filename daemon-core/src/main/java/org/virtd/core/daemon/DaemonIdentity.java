package org.virtd.core.daemon;

/**
 * The compile-time identity of a libvirt daemon (daemons.md §1): its name (config, PID file, unit
 * and activation names, main server name), the prefix of its socket files (virtproxyd owns the
 * legacy {@code libvirt-sock*}), and whether it may listen on TCP/TLS.
 */
public record DaemonIdentity(String name, String sockPrefix, boolean ipCapable) {

    public static final DaemonIdentity VIRTQEMUD = new DaemonIdentity("virtqemud", "virtqemud", false);
    public static final DaemonIdentity VIRTVBOXD = new DaemonIdentity("virtvboxd", "virtvboxd", false);
    public static final DaemonIdentity VIRTPROXYD = new DaemonIdentity("virtproxyd", "libvirt", true);

    /** The systemd activation name of one of this daemon's sockets, e.g. {@code virtqemud-ro.socket}. */
    public String unitName(String suffix) {
        return name + suffix + ".socket";
    }
}
