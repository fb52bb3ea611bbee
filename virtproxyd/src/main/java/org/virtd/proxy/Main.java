package org.virtd.proxy;

import org.virtd.core.daemon.DaemonIdentity;
import org.virtd.core.daemon.DaemonMain;
import org.virtd.core.forward.ForwardingServer;
import org.virtd.proxy.routing.DaemonRouter;

/**
 * virtproxyd's entry point: the daemon behind the legacy {@code libvirt-sock*} sockets
 * (daemons.md §12). Each client's connection is forwarded to the modular daemon serving its URI.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        DaemonMain.run(DaemonIdentity.VIRTPROXYD,
                () -> new ForwardingServer(ctx -> new DaemonRouter(ctx.runDir(), ctx.privileged())), args);
    }
}
