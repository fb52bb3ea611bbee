package org.virtd.units.template;

import java.util.List;
import java.util.Objects;

/**
 * What the build knows about one daemon's units, the counterpart of an entry of libvirt's
 * {@code virt_daemon_units} (spec/systemd-units.md §1–2): the service name, the human name used in
 * descriptions, the socket file prefix, the socket kinds it has, and the extra snippets appended to
 * its service and to each of its sockets.
 */
public record DaemonUnits(String service, String name, String sockPrefix, List<SocketKind> sockets,
                          List<String> serviceExtras, List<String> socketExtras) {

    public DaemonUnits {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sockPrefix, "sockPrefix");
        sockets = List.copyOf(sockets);
        serviceExtras = List.copyOf(serviceExtras);
        socketExtras = List.copyOf(socketExtras);
        if (!sockets.contains(SocketKind.MAIN)) {
            throw new IllegalArgumentException(service + ": a daemon needs its main socket");
        }
    }

    /** The unit name of the service, e.g. {@code virtqemud.service}. */
    public String serviceUnit() {
        return service + ".service";
    }
}
