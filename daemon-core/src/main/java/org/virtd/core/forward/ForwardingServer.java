package org.virtd.core.forward;

import org.virtd.core.driver.DriverContext;
import org.virtd.core.server.FrameHandler;
import org.virtd.core.server.MainServer;
import org.virtd.core.server.RpcServer;

import java.util.function.Function;

/**
 * The main server of a forwarding daemon (virtproxyd): its clients are served by a
 * {@link Forwarder}, routed by the {@link Router} made once the daemon knows its directories.
 */
public final class ForwardingServer implements MainServer {
    private final Function<DriverContext, Router> routerFactory;
    private volatile Router router;

    public ForwardingServer(Function<DriverContext, Router> routerFactory) {
        this.routerFactory = routerFactory;
    }

    @Override
    public FrameHandler install(RpcServer server) {
        return new Forwarder(server, () -> router);
    }

    @Override
    public void start(DriverContext context) {
        router = routerFactory.apply(context);
    }
}
