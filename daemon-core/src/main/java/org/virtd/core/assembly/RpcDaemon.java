package org.virtd.core.assembly;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.admin.AdminHandlers;
import org.virtd.core.admin.AdminHooks;
import org.virtd.core.config.ServerSettings;
import org.virtd.core.driver.EventSink;
import org.virtd.core.event.EventRegistry;
import org.virtd.core.server.Dispatcher;
import org.virtd.core.server.MainServer;
import org.virtd.core.server.RpcServer;
import org.virtd.core.transport.EventLoops;
import org.virtd.core.transport.Listener;
import org.virtd.core.transport.ListenerSpec;
import org.virtd.rpc.admin.AdminProgram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The RPC side of one daemon, assembled: a main server (named after the daemon, served by what
 * the daemon's {@link MainServer} installs) and an admin server, their listeners, sessions and
 * worker pools (libvirt's virNetDaemon with its two virNetServers, daemons.md §1).
 *
 * <p>Start-up code creates it, adds listeners, starts it, and later may update its settings or
 * shut it down. Nothing here parses configs or touches the process; that is {@code core.daemon}.
 */
public final class RpcDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(RpcDaemon.class);
    public static final String ADMIN_SERVER = "admin";

    private final EventLoops loops = new EventLoops(2);
    private final MainServer mainServer;
    private final RpcServer main;
    private final RpcServer admin;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<IntConsumer> countListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong clientIds = new AtomicLong();

    public RpcDaemon(String daemonName, ServerSettings mainSettings, ServerSettings adminSettings,
                     MainServer mainServer, AdminHooks hooks) {
        this.mainServer = mainServer;
        this.main = new RpcServer(daemonName, mainSettings, clientIds, this::clientsChanged, mainServer::install);
        this.admin = new RpcServer(ADMIN_SERVER, adminSettings, clientIds, this::clientsChanged,
                server -> new Dispatcher(server, new EventRegistry(0), false, List.of(AdminProgram.PROGRAM),
                        table -> new AdminHandlers(List.of(server, main), hooks).bind(table), true));
    }

    /** The I/O thread as a timer: short timed checks belong here rather than on threads of their own. */
    public java.util.concurrent.ScheduledExecutorService timers() {
        return loops.group();
    }

    /** Where the daemon's driver raises events. */
    public EventSink events() {
        return mainServer.events();
    }

    public MainServer main() {
        return mainServer;
    }

    public RpcServer mainServer() {
        return main;
    }

    public RpcServer adminServer() {
        return admin;
    }

    /** Opens (or adopts) one listening socket; clients are accepted only after {@link #start()}. */
    public void listen(ListenerSpec spec) throws IOException {
        RpcServer server = spec.role() == ListenerSpec.Role.ADMIN ? admin : main;
        ServerSettings limits = server.settings();
        listeners.add(Listener.open(loops, server, spec, Math.max(1, limits.maxQueuedClients()),
                limits.sendLowWater(), limits.sendHighWater()));
    }

    /** Begins accepting clients on every listener, once both servers can serve them. */
    public void start() {
        main.awaitReady();
        admin.awaitReady();
        listeners.forEach(Listener::start);
    }

    /** Clients connected to any server, admin included. */
    public int clientCount() {
        return main.clientCount() + admin.clientCount();
    }

    /** Called (from any thread) with the new total whenever a client connects or leaves. */
    public void onClientCountChange(IntConsumer listener) {
        countListeners.add(listener);
    }

    private void clientsChanged() {
        int n = clientCount();
        for (IntConsumer l : countListeners) {
            l.accept(n);
        }
    }

    /** Applies new limits, pool sizes and keepalive settings live (SIGHUP). */
    public void updateSettings(ServerSettings mainSettings, ServerSettings adminSettings) {
        main.updateSettings(mainSettings);
        admin.updateSettings(adminSettings);
    }

    /**
     * Stops accepting, lets in-flight calls finish within {@code grace}, closes every client and
     * unlinks the sockets this daemon created (never inherited ones).
     */
    public void shutdown(Duration grace) {
        listeners.forEach(Listener::close);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && !(main.idle() && admin.idle())) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        main.closeAll();
        admin.closeAll();
        main.stopWorkers(100);
        admin.stopWorkers(100);
        loops.close();
        LOG.debug("RPC servers stopped");
    }
}
