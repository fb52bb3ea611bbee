package org.virtd.units.template;

import java.util.List;
import java.util.Optional;

/**
 * The daemons this project ships units for, with their names, socket prefixes, socket sets and
 * extra snippets (spec/systemd-units.md §1; virtproxyd uses the legacy {@code libvirt} prefix and
 * also has the TCP and TLS sockets).
 */
public final class DaemonCatalog {

    private static final List<SocketKind> LOCAL = List.of(SocketKind.MAIN, SocketKind.RO, SocketKind.ADMIN);
    private static final List<SocketKind> LOCAL_AND_IP =
            List.of(SocketKind.MAIN, SocketKind.RO, SocketKind.ADMIN, SocketKind.TCP, SocketKind.TLS);

    private final List<DaemonUnits> daemons = List.of(
            new DaemonUnits("virtqemud", "QEMU", "virtqemud", LOCAL,
                    List.of("virtqemud.service.extra.in", "virtd.service.limitnofile.extra.in",
                            "virtd.service.tasksmax.extra.in", "virtd.service.limitmemlock.extra.in"),
                    List.of()),
            new DaemonUnits("virtvboxd", "VirtualBox", "virtvboxd", LOCAL,
                    List.of("virtvboxd.service.extra.in"), List.of()),
            new DaemonUnits("virtproxyd", "proxy", "libvirt", LOCAL_AND_IP,
                    List.of("virtproxyd.service.extra.in", "virtd.service.limitnofile.extra.in"), List.of()));

    /** Every daemon, in a stable order. */
    public List<DaemonUnits> all() {
        return daemons;
    }

    /** The daemon whose service is {@code service}, if we ship it. */
    public Optional<DaemonUnits> find(String service) {
        return daemons.stream().filter(d -> d.service().equals(service)).findFirst();
    }
}
