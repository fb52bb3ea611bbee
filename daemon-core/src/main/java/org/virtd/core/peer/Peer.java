package org.virtd.core.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.virtd.core.driver.ClientIdentity;

import java.util.concurrent.ScheduledExecutorService;

/**
 * What a session may do to its connection, whatever carries it (MINA's IoSession shape). The
 * transport implements it over a Netty channel; tests implement it in memory.
 */
public interface Peer {

    /** Queues a whole packet for sending; callable from any thread; takes ownership of the buffer. */
    void write(ByteBuf packet);

    /** Whether {@link #writeWithFds} can pass descriptors (UNIX sockets only). */
    default boolean canPassFds() {
        return false;
    }

    /** Queues a packet followed by descriptors sent as SCM_RIGHTS; closes their owners once sent. */
    default void writeWithFds(ByteBuf packet, java.util.List<org.virtd.core.driver.PassedFd> fds) {
        throw new UnsupportedOperationException("this transport cannot pass file descriptors");
    }

    /** Closes the connection; idempotent. */
    void close();

    /**
     * False while more is queued for the client than the transport lets pile up (its high-water
     * mark); streams then hold their producers back until the transport reports it writable again.
     */
    default boolean writable() {
        return true;
    }

    /** Pauses or resumes reading from the client (back-pressure: max_client_requests, a full send queue). */
    void setReading(boolean reading);

    ClientIdentity identity();

    /** libvirt's admin transport number: 0 UNIX, 1 TCP, 2 TLS. */
    int transport();

    /** The remote address for TCP peers, or null. */
    String address();

    /** The distinguished name of a TLS client's certificate (libvirt's {@code tls_x509_dname}), or null. */
    default String x509Dn() {
        return null;
    }

    ByteBufAllocator alloc();

    /** The single thread that owns this connection; session timers run here. */
    ScheduledExecutorService executor();

    /**
     * Proxy side of a handover: stops reading this client until {@link #thaw} (whatever the read
     * gate says meanwhile) and describes its socket; null when this transport cannot be handed
     * over (only UNIX sockets can). Event loop only.
     */
    default HandoverSource freeze() {
        return null;
    }

    /** The handover was declined: read this client again. Event loop only. */
    default void thaw() {
    }

    /**
     * Daemon side of a handover: this connection is the proxy's for one client, and the next
     * thing it sends is that client's own socket. Until it arrives everything written is held;
     * then the session carries on over the client's socket, reading {@code unread} first.
     * False when this transport cannot receive a descriptor. Event loop only.
     */
    default boolean awaitHandover(byte[] unread) {
        return false;
    }
}
