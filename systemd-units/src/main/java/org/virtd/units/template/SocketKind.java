package org.virtd.units.template;

/**
 * The five kinds of socket unit a modular daemon may have (spec/systemd-units.md §1, §3). Each kind
 * has one template in {@code src/main/units/} and gives its unit name a suffix after the service
 * name: {@code virtqemud.socket}, {@code virtqemud-ro.socket}, {@code virtproxyd-tls.socket}.
 */
public enum SocketKind {
    MAIN(""),
    RO("-ro"),
    ADMIN("-admin"),
    TCP("-tcp"),
    TLS("-tls");

    private final String suffix;

    SocketKind(String suffix) {
        this.suffix = suffix;
    }

    /** The unit name for a service, e.g. {@code virtqemud-admin.socket}. */
    public String unitName(String service) {
        return service + suffix + ".socket";
    }

    /** The template file of this kind, e.g. {@code virtd-ro.socket.in}. */
    public String templateName() {
        return "virtd" + suffix + ".socket.in";
    }

    /** Whether the socket is a UNIX socket file (main, ro, admin) rather than a TCP port. */
    public boolean isLocal() {
        return this == MAIN || this == RO || this == ADMIN;
    }
}
