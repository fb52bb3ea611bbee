package org.virtd.core.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.driver.ClientIdentity;
import org.virtd.core.driver.PassedFd;
import org.virtd.core.driver.ClientLink;
import org.virtd.core.driver.DriverConnection;
import org.virtd.core.keepalive.Keepalive;
import org.virtd.core.peer.Inbound;
import org.virtd.core.peer.Outbound;
import org.virtd.core.peer.Peer;
import org.virtd.core.stream.SessionStreams;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.message.Packets;
import org.virtd.rpc.xdr.XdrCodec;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * One connected client of one server (libvirt's virNetServerClient): its identity, whether it
 * is read-only, the hypervisor connection it opened, keepalive and streams. Frames arrive on the
 * connection's event loop and go to the server's {@link FrameHandler}, but only while the client
 * keeps up ({@link ReadGate}); replies are written from any thread.
 */
public final class Session implements Inbound, Outbound {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final long id;
    private final long connectedAt = Instant.now().getEpochSecond();
    private final RpcServer server;
    private final Peer peer;
    private final boolean readOnlySocket;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Keepalive keepalive;
    private final SessionStreams streams;
    private final ReadGate gate;
    private final WorkerPools.Queue calls = new WorkerPools.Queue();
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();
    /** Event loop only: descriptors received with packets not yet handled, oldest first. */
    private final java.util.ArrayDeque<List<PassedFd>> receivedFds = new java.util.ArrayDeque<>();
    private volatile ClientLink link;
    private volatile boolean readOnly;
    private volatile ClientIdentity identity;
    private volatile DriverConnection connection;
    private volatile boolean adminOpened;
    private volatile boolean closeCallback;

    Session(long id, RpcServer server, Peer peer, boolean readOnlySocket) {
        this.id = id;
        this.server = server;
        this.peer = peer;
        this.readOnlySocket = readOnlySocket;
        this.readOnly = readOnlySocket;
        this.identity = peer.identity();
        this.keepalive = new Keepalive(this, server.settings().keepaliveInterval(), server.settings().keepaliveCount());
        this.streams = new SessionStreams(this);
        this.gate = new ReadGate(peer, () -> server.settings().maxClientRequests(),
                packet -> server.frames().frame(this, packet));
    }

    public long id() {
        return id;
    }

    public long connectedAt() {
        return connectedAt;
    }

    public RpcServer server() {
        return server;
    }

    public Peer peer() {
        return peer;
    }

    public ClientIdentity identity() {
        return identity;
    }

    public void identity(ClientIdentity newIdentity) {
        this.identity = newIdentity;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public boolean readOnlySocket() {
        return readOnlySocket;
    }

    /** With auth none every client is authenticated at once (libvirt's anonymous-then-auth path). */
    public boolean authenticated() {
        return true;
    }

    public DriverConnection connection() {
        return connection;
    }

    /** Installs the hypervisor connection CONNECT_OPEN made; read-only sticks once set. */
    public void open(DriverConnection conn, boolean ro) {
        this.readOnly = readOnlySocket || ro;
        this.connection = conn;
    }

    /** Drops the hypervisor connection (CONNECT_CLOSE, or the second-open rule). */
    public void closeConnection() {
        DriverConnection c = connection;
        connection = null;
        closeCallback = false;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the driver connection of client {} failed", id, e);
            }
        }
    }

    public boolean adminOpened() {
        return adminOpened;
    }

    public void adminOpened(boolean opened) {
        this.adminOpened = opened;
    }

    public boolean closeCallback() {
        return closeCallback;
    }

    public void closeCallback(boolean registered) {
        this.closeCallback = registered;
    }

    public Keepalive keepalive() {
        return keepalive;
    }

    public SessionStreams streams() {
        return streams;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    // ---- Inbound: called by the transport on the event loop ----

    @Override
    public void frame(ByteBuf packet) {
        keepalive.received();
        gate.offer(packet);
    }

    /**
     * The descriptors go into a queue that the packets carrying them empty in the same order
     * ({@link #takeReceivedFds}), however long the read gate holds the packet.
     */
    @Override
    public void frame(ByteBuf packet, List<PassedFd> fds) {
        if (closed.get()) {
            PassedFd.closeAll(fds);
            packet.release();
            return;
        }
        receivedFds.add(fds);
        frame(packet);
    }

    /**
     * The descriptors that came with the oldest CALL_WITH_FDS or REPLY_WITH_FDS packet not yet
     * handled (event loop); empty when the transport passes none (TCP, TLS).
     */
    public List<PassedFd> takeReceivedFds() {
        List<PassedFd> fds = receivedFds.poll();
        return fds == null ? List.of() : fds;
    }

    @Override
    public void writabilityChanged(boolean writable) {
        if (writable) {
            streams.writable();
        }
        gate.writabilityChanged(writable);
        server.frames().writabilityChanged(this, writable);
    }

    /**
     * Stops delivering this client's packets (and reading it) while what serves them cannot take
     * more, as a forwarder whose daemon is slow; call on the client's event loop.
     */
    public void holdReading(boolean hold) {
        executor().execute(() -> gate.hold(hold));
    }

    /** The connection is gone; release everything this client held. Idempotent. */
    @Override
    public void disconnected() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        gate.discard();
        List<PassedFd> unread;
        while ((unread = receivedFds.poll()) != null) {
            PassedFd.closeAll(unread);
        }
        keepalive.stop();
        streams.abortAll();
        server.frames().disconnected(this);
        closeActions.forEach(Runnable::run);
        closeActions.clear();
        closeConnection();
        server.removed(this);
    }

    /** This client as drivers see it; made once, so it can key their registrations. */
    ClientLink link(IntSupplier newCallbackId) {
        ClientLink l = link;
        if (l == null) {
            synchronized (this) {
                if (link == null) {
                    link = new SessionLink(this, newCallbackId);
                }
                l = link;
            }
        }
        return l;
    }

    /** Runs {@code action} once when the client disconnects (at once if it already has). */
    public void onClose(Runnable action) {
        closeActions.add(action);
        if (closed.get() && closeActions.remove(action)) {
            action.run();
        }
    }

    // ---- Outbound: replies and messages, from any thread ----

    @Override
    public <T> void send(Header header, XdrCodec<T> codec, T body) {
        if (closed.get()) {
            return;
        }
        ByteBuf packet;
        try {
            packet = Packets.encode(peer.alloc(), header, codec, body);
        } catch (RuntimeException | OutOfMemoryError e) {
            if (!(e instanceof OutOfMemoryError)) {
                LOG.error("cannot encode {} for client {}", header, id, e);
            }
            sendError(header.reply(MessageType.fromWire(header.type()) == MessageType.STREAM
                    ? MessageType.STREAM : MessageType.REPLY, MessageStatus.ERROR), ErrorTranslator.toWire(e, "reply"));
            return;
        }
        peer.write(packet);
    }

    public <T> void reply(Header call, XdrCodec<T> codec, T ret) {
        send(call.reply(MessageType.REPLY, MessageStatus.OK), codec, ret);
    }

    /**
     * A REPLY_WITH_FDS: the fd count before {@code ret}, then each descriptor over the socket.
     * A transport that cannot pass descriptors gets libvirt's error instead.
     */
    public <T> void replyWithFds(Header call, XdrCodec<T> codec, T ret, java.util.List<org.virtd.core.driver.PassedFd> fds) {
        if (closed.get() || !peer.canPassFds()) {
            PassedFd.closeAll(fds);
            if (!closed.get()) {
                replyError(call, RemoteError.of(org.virtd.rpc.error.ErrorCode.OPERATION_UNSUPPORTED,
                        org.virtd.rpc.error.ErrorDomain.RPC, "Unable to pass FDs to the client"));
            }
            return;
        }
        XdrCodec<T> withCount = new XdrCodec<>() {
            @Override
            public void encode(io.netty.buffer.ByteBuf out, T value) {
                out.writeInt(fds.size());
                codec.encode(out, value);
            }

            @Override
            public T decode(io.netty.buffer.ByteBuf in) {
                throw new UnsupportedOperationException();
            }
        };
        ByteBuf packet = Packets.encode(peer.alloc(), call.reply(MessageType.REPLY_WITH_FDS, MessageStatus.OK),
                withCount, ret);
        peer.writeWithFds(packet, fds);
    }

    public void replyError(Header call, RemoteError error) {
        sendError(call.reply(MessageType.REPLY, MessageStatus.ERROR), error);
    }

    @Override
    public void sendError(Header header, RemoteError error) {
        if (closed.get()) {
            return;
        }
        try {
            peer.write(Packets.encode(peer.alloc(), header, RemoteError.CODEC, error));
        } catch (OutOfMemoryError e) {
            // not even an error fits: the client cannot be answered, so it must not wait forever
            LOG.warn("{}: no memory left to answer serial {}; closing it", this, header.serial());
            close();
        }
    }

    @Override
    public void write(ByteBuf packet) {
        peer.write(packet);
    }

    @Override
    public ByteBufAllocator alloc() {
        return peer.alloc();
    }

    @Override
    public boolean writable() {
        return peer.writable();
    }

    @Override
    public ScheduledExecutorService executor() {
        return peer.executor();
    }

    // ---- calls in flight (max_client_requests) ----

    void callStarted() {
        gate.callStarted();
    }

    void callFinished() {
        gate.callFinished();
    }

    int callsInFlight() {
        return gate.inFlight();
    }

    /** This client's calls waiting for a worker, served round-robin with other clients'. */
    WorkerPools.Queue calls() {
        return calls;
    }

    @Override
    public void close() {
        peer.close();
    }

    @Override
    public String toString() {
        return "client " + id + " of " + server.name();
    }
}
