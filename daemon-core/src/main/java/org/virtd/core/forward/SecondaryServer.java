package org.virtd.core.forward;

import org.virtd.core.driver.DriverContext;
import org.virtd.core.driver.EventSink;
import org.virtd.core.server.FrameHandler;
import org.virtd.core.server.MainServer;
import org.virtd.core.server.RpcServer;

/**
 * A hypervisor daemon's main server with libvirt's secondary connections: the driver's server,
 * behind a {@link SecondaryForwarder} that sends the other object kinds' calls to their daemons.
 */
public final class SecondaryServer implements MainServer {
    private final MainServer driver;
    private volatile SecondaryForwarder forwarder;

    private SecondaryServer(MainServer driver) {
        this.driver = driver;
    }

    /** {@code driver}'s main servers, each with secondary connections. */
    public static Factory around(Factory driver) {
        return () -> new SecondaryServer(driver.create());
    }

    @Override
    public FrameHandler install(RpcServer server) {
        SecondaryForwarder f = new SecondaryForwarder(driver.install(server));
        forwarder = f;
        return f;
    }

    @Override
    public EventSink events() {
        return driver.events();
    }

    @Override
    public void start(DriverContext context) throws Exception {
        SecondaryForwarder f = forwarder;
        if (f != null) {
            f.start(context.runDir(), context.privileged());
        }
        driver.start(context);
    }

    @Override
    public String reload() {
        return driver.reload();
    }

    @Override
    public void shutdown() {
        driver.shutdown();
    }
}
