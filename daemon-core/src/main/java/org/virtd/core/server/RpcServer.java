package org.virtd.core.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.event.EventRegistry;
import org.virtd.rpc.program.Program;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One named server of a daemon (libvirt's virNetServer): its programs and handler table, its
 * worker pools, its clients and their limits. The main server of virtqemud is named
 * {@code virtqemud}; every daemon also has an {@code admin} server.
 */
public final class RpcServer {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    private final String name;
    private final Map<Long, Program> programs = new ConcurrentHashMap<>();
    private final BoundHandlers handlers = new BoundHandlers();
    private final Dispatcher dispatcher;
    private final WorkerPools workers;
    private final EventRegistry events;
    private final boolean requiresOpen;
    private final AtomicLong clientIds;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Runnable clientsChanged;
    private volatile ServerSettings settings;

    /**
     * @param requiresOpen whether calls other than those declared {@code beforeOpen} need a
     *                     CONNECT_OPEN first (true for the main server)
     * @param clientIds    the daemon-wide client id counter
     */
    RpcServer(String name, ServerSettings settings, EventRegistry events, boolean requiresOpen, AtomicLong clientIds,
              Runnable clientsChanged) {
        this.name = name;
        this.settings = settings;
        this.events = events;
        this.requiresOpen = requiresOpen;
        this.clientIds = clientIds;
        this.clientsChanged = clientsChanged;
        this.dispatcher = new Dispatcher(this, handlers);
        this.workers = new WorkerPools(name, settings.minWorkers(), settings.maxWorkers(), settings.prioWorkers());
    }

    public String name() {
        return name;
    }

    public ServerSettings settings() {
        return settings;
    }

    public EventRegistry events() {
        return events;
    }

    boolean requiresOpen() {
        return requiresOpen;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    WorkerPools workers() {
        return workers;
    }

    public BoundHandlers handlers() {
        return handlers;
    }

    void addProgram(Program program) {
        programs.put(key(program.id(), program.version()), program);
    }

    Program program(int id, int version) {
        return programs.get(key(id, version));
    }

    private static long key(int id, int version) {
        return ((long) id << 32) | (version & 0xffffffffL);
    }

    /** A client connected; null means it is over {@code max_clients} and must be closed. */
    public Session accept(Peer peer, boolean readOnly) {
        if (sessions.size() >= settings.maxClients()) {
            LOG.warn("{}: refusing a client, {} clients is the limit (max_clients)", name, settings.maxClients());
            return null;
        }
        Session s = new Session(clientIds.incrementAndGet(), this, peer, readOnly);
        sessions.put(s.id(), s);
        clientsChanged.run();
        return s;
    }

    void removed(Session s) {
        if (sessions.remove(s.id()) != null) {
            clientsChanged.run();
        }
    }

    public Collection<Session> sessions() {
        return sessions.values();
    }

    public Session session(long id) {
        return sessions.get(id);
    }

    public int clientCount() {
        return sessions.size();
    }

    /** Clients connected but not yet authenticated (always 0 with auth none). */
    public int unauthenticatedCount() {
        int n = 0;
        for (Session s : sessions.values()) {
            if (!s.authenticated()) {
                n++;
            }
        }
        return n;
    }

    public void updateSettings(ServerSettings next) {
        this.settings = next;
        workers.resize(next.minWorkers(), next.maxWorkers(), next.prioWorkers());
    }

    /** Thread-pool figures for the admin program. */
    public ThreadPoolInfo threadPool() {
        return new ThreadPoolInfo(workers.minWorkers(), workers.maxWorkers(), workers.workers(), workers.freeWorkers(),
                workers.prioWorkers(), workers.queueDepth());
    }

    public record ThreadPoolInfo(int minWorkers, int maxWorkers, int workers, int freeWorkers, int prioWorkers,
                                 int queueDepth) {
    }

    void closeAll() {
        sessions.values().forEach(Session::close);
    }

    boolean idle() {
        for (Session s : sessions.values()) {
            if (s.callsInFlight() > 0) {
                return false;
            }
        }
        return true;
    }

    void stopWorkers(long millis) {
        workers.shutdown(millis);
    }
}
