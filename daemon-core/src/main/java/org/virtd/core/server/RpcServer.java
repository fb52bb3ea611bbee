package org.virtd.core.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.config.ServerSettings;
import org.virtd.core.peer.Acceptor;
import org.virtd.core.peer.Peer;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One named server of a daemon (libvirt's virNetServer): its clients and their limits, its
 * worker pools, and what it does with their packets ({@link FrameHandler}: usually a
 * {@link Dispatcher} over its programs and handler table). The main server of virtqemud is named
 * {@code virtqemud}; every daemon also has an {@code admin} server.
 */
public final class RpcServer implements Acceptor {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    private final String name;
    private final FrameHandler frames;
    private final WorkerPools workers;
    private final AtomicLong clientIds;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    /** TLS clients connected but not verified yet: they count toward max_clients. */
    private int handshaking;
    private final Runnable clientsChanged;
    private volatile ServerSettings settings;

    /**
     * @param clientIds    the daemon-wide client id counter
     * @param frames       makes what serves this server's packets, once the server exists
     */
    public RpcServer(String name, ServerSettings settings, AtomicLong clientIds, Runnable clientsChanged,
                     Function<RpcServer, FrameHandler> frames) {
        this.name = name;
        this.settings = settings;
        this.clientIds = clientIds;
        this.clientsChanged = clientsChanged;
        this.workers = new WorkerPools(name, settings.minWorkers(), settings.maxWorkers(), settings.prioWorkers());
        this.frames = frames.apply(this);
    }

    public String name() {
        return name;
    }

    public ServerSettings settings() {
        return settings;
    }

    /** Returns once the server can serve calls (its handlers bound); throws what failed. */
    public void awaitReady() {
        frames.awaitReady();
    }

    FrameHandler frames() {
        return frames;
    }

    WorkerPools workers() {
        return workers;
    }

    /** A client connected; null means it is over {@code max_clients} and must be closed. */
    @Override
    public synchronized Session accept(Peer peer, boolean readOnly) {
        if (full()) {
            return null;
        }
        return add(peer, readOnly);
    }

    @Override
    public synchronized boolean hold() {
        if (full()) {
            return false;
        }
        handshaking++;
        return true;
    }

    @Override
    public synchronized void release() {
        if (handshaking > 0) {
            handshaking--;
        }
    }

    @Override
    public synchronized Session acceptHeld(Peer peer, boolean readOnly) {
        release();
        return add(peer, readOnly);
    }

    private boolean full() {
        if (sessions.size() + handshaking >= settings.maxClients()) {
            LOG.warn("{}: refusing a client, {} clients is the limit (max_clients)", name, settings.maxClients());
            return true;
        }
        return false;
    }

    private Session add(Peer peer, boolean readOnly) {
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

    public void closeAll() {
        sessions.values().forEach(Session::close);
    }

    public boolean idle() {
        for (Session s : sessions.values()) {
            if (s.callsInFlight() > 0) {
                return false;
            }
        }
        return true;
    }

    public void stopWorkers(long millis) {
        workers.shutdown(millis);
    }
}
