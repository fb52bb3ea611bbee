package org.virtd.vbox;

import org.virtd.core.daemon.DaemonIdentity;
import org.virtd.core.daemon.DaemonMain;
import org.virtd.core.daemon.PlaceholderDriver;
import org.virtd.core.server.MainServer;

/**
 * virtvboxd's entry point (daemons.md §1). Until the VirtualBox driver lands it runs with a
 * driver that accepts no URI, so its command line, sockets and life cycle already work.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        DaemonMain.run(DaemonIdentity.VIRTVBOXD, MainServer.driver(() -> new PlaceholderDriver("VBOX")), args);
    }
}
