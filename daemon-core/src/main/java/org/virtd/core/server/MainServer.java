package org.virtd.core.server;

import org.virtd.core.driver.Driver;
import org.virtd.core.driver.DriverContext;
import org.virtd.core.driver.EventSink;

import java.util.function.Supplier;

/**
 * What a daemon serves on its main sockets (libvirt's main virNetServer and what stands behind
 * it): a hypervisor driver behind the {@link Dispatcher} ({@link #driver}), or a forwarder that
 * hands packets to other daemons unread. Each daemon's {@code Main} gives the core a
 * {@link Factory}; the core asks it for one main server at start-up.
 */
public interface MainServer {

    /** Makes what serves the main server's packets; called once, before any client connects. */
    FrameHandler install(RpcServer server);

    /** Where the daemon's own code raises events for clients (nowhere, unless installed as a dispatcher). */
    default EventSink events() {
        return event -> { };
    }

    /** Initialises state after the sockets listen; clients are accepted when it returns. */
    default void start(DriverContext context) throws Exception {
    }

    /** SIGHUP: rereads what can change live; returns a short description of what was applied. */
    default String reload() {
        return "nothing to reload";
    }

    /** Daemon shutdown: release resources (running guests keep running). */
    default void shutdown() {
    }

    /** Makes the daemon's main server. */
    @FunctionalInterface
    interface Factory {
        MainServer create();
    }

    /** A main server that serves the REMOTE, QEMU and LXC programs with this driver's handlers. */
    static Factory driver(Supplier<Driver> driver) {
        return () -> new DriverServer(driver.get());
    }
}
