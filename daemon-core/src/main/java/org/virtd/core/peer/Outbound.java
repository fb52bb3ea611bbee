package org.virtd.core.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.concurrent.ScheduledExecutorService;

/**
 * The one way keepalive, streams and event callbacks reach a client: encode and queue a packet,
 * learn whether the client keeps up, close it. Callable from any thread; after the client is
 * gone, sending is a no-op.
 */
public interface Outbound {

    /** Encodes and queues one packet; an encoding failure becomes an error packet for the same header. */
    <T> void send(Header header, XdrCodec<T> codec, T body);

    void sendError(Header header, RemoteError error);

    /** Sends an event MESSAGE of this procedure; libvirtd 9.0 sends events with serial 1. */
    default <M> void message(Procedure<M, Void> message, M body) {
        send(Header.of(message.program(), message.version(), message.number(), MessageType.MESSAGE, 1,
                MessageStatus.OK), message.args(), body);
    }

    /** Queues a packet already encoded (stream data); takes ownership of the buffer. */
    void write(ByteBuf packet);

    ByteBufAllocator alloc();

    /** False while more is queued for the client than its high-water mark. */
    boolean writable();

    boolean isClosed();

    void close();

    /** The single thread that owns the connection; timers run here. */
    ScheduledExecutorService executor();
}
