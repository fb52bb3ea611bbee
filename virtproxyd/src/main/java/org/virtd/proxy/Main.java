package org.virtd.proxy;

import org.virtd.core.daemon.DaemonIdentity;
import org.virtd.core.daemon.DaemonMain;
import org.virtd.core.daemon.PlaceholderDriver;
import org.virtd.core.server.MainServer;

/**
 * virtproxyd's entry point: the daemon behind the legacy {@code libvirt-sock*} sockets
 * (daemons.md §12). Until URI routing lands it runs with a driver that accepts no URI.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        DaemonMain.run(DaemonIdentity.VIRTPROXYD, MainServer.driver(() -> new PlaceholderDriver("remote")), args);
    }
}
