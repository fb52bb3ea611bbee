package org.virtd.core.server;

import org.virtd.core.admin.AdminHooks;
import org.virtd.core.driver.Driver;

import java.io.IOException;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * The RPC side of one daemon: a main server (named after the daemon, serving REMOTE, QEMU and
 * LXC to the driver) and an admin server, their listeners, sessions and worker pools
 * (libvirt's virNetDaemon with its two virNetServers).
 *
 * <p>Start-up code creates it, adds listeners, starts it, and later may update its settings or
 * shut it down. Nothing here parses configs or touches the process; that is {@code core.daemon}.
 */
public final class RpcDaemon {
    private final String daemonName;
    private final Driver driver;

    public RpcDaemon(String daemonName, ServerSettings main, ServerSettings admin, Driver driver, AdminHooks hooks) {
        this.daemonName = daemonName;
        this.driver = driver;
        throw new UnsupportedOperationException("not yet");
    }

    /** Opens (or adopts) one listening socket; clients are accepted only after {@link #start()}. */
    public void listen(ListenerSpec spec) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Where the driver raises events (handed to it in its DriverContext). Added by the daemon-life
     * work as a hook for the event registry; null until the server implements it.
     */
    public org.virtd.core.driver.EventSink events() {
        return null;
    }

    /** Begins accepting clients on every listener. */
    public void start() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Clients connected to any server, admin included. */
    public int clientCount() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Called (from any thread) with the new total whenever a client connects or leaves. */
    public void onClientCountChange(IntConsumer listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Applies new limits, pool sizes and keepalive settings live (SIGHUP). */
    public void updateSettings(ServerSettings main, ServerSettings admin) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Stops accepting, lets in-flight calls finish within {@code grace}, closes every client and
     * unlinks the sockets this daemon created (never inherited ones).
     */
    public void shutdown(Duration grace) {
        throw new UnsupportedOperationException("not yet");
    }
}
