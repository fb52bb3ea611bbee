package org.virtd.core.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.virtd.core.driver.StreamChannel;
import org.virtd.core.peer.Outbound;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.error.VirtError;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.Limits;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.message.Packets;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon side of one RPC stream (wire-protocol.md §10), living on the serial of the call
 * that opened it. Data the driver sends before the opening call's reply has gone out is held
 * back, so the client always sees the reply first.
 */
public final class ServerStream implements StreamChannel {
    private static final StreamChannel.Sink DISCARD = new StreamChannel.Sink() {
        @Override
        public void data(ByteBuffer data) {
        }

        @Override
        public void closed(boolean aborted) {
        }
    };

    private static final long DRAIN_CHECK_MILLIS = 100;

    private final Outbound session;
    private final SessionStreams owner;
    private final Header call;
    private volatile StreamChannel.Sink sink = DISCARD;
    private List<ByteBuf> pending = new ArrayList<>();
    private boolean finishedPending;
    private VirtError pendingError;
    private volatile boolean closed;
    /** Producers waiting for the client to drain its queue; woken by writability or closing. */
    private final Object drained = new Object();

    ServerStream(Outbound session, SessionStreams owner, Header call) {
        this.session = session;
        this.owner = owner;
        this.call = call;
    }

    Header call() {
        return call;
    }

    @Override
    public boolean send(ByteBuffer data) {
        if (closed) {
            return false;
        }
        while (data.hasRemaining()) {
            int n = Math.min(data.remaining(), Limits.STREAM_CHUNK_MAX);
            ByteBuf chunk = Unpooled.wrappedBuffer(data.slice().limit(n));
            data.position(data.position() + n);
            synchronized (this) {
                if (pending != null) {
                    pending.add(Unpooled.copiedBuffer(chunk));
                    continue;
                }
            }
            if (!awaitWritable()) {
                return false;
            }
            write(chunk);
        }
        return true;
    }

    /**
     * Waits while the client's queue is over its high-water mark. The wait is re-checked every
     * {@link #DRAIN_CHECK_MILLIS}, so a missed wake-up costs a moment, never a hang.
     */
    private boolean awaitWritable() {
        while (!closed && !session.writable()) {
            synchronized (drained) {
                try {
                    drained.wait(DRAIN_CHECK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !closed;
    }

    void wakeProducers() {
        synchronized (drained) {
            drained.notifyAll();
        }
    }

    private void write(ByteBuf chunk) {
        ByteBuf packet = session.alloc().ioBuffer(Limits.PACKET_MIN + chunk.readableBytes());
        Packets.encodeRaw(packet, call.reply(MessageType.STREAM, MessageStatus.CONTINUE), chunk);
        session.write(packet);
    }

    @Override
    public void finish(VirtError errorOrNull) {
        synchronized (this) {
            if (pending != null) {
                finishedPending = true;
                pendingError = errorOrNull;
                return;
            }
        }
        if (closed) {
            return;
        }
        if (errorOrNull == null) {
            write(Unpooled.EMPTY_BUFFER); // EOF: an empty CONTINUE; the client then finishes
        } else {
            closed = true;
            wakeProducers();
            owner.remove(this);
            session.sendError(call.reply(MessageType.STREAM, MessageStatus.ERROR), RemoteError.of(errorOrNull));
        }
    }

    @Override
    public void onReceive(StreamChannel.Sink newSink) {
        this.sink = newSink != null ? newSink : DISCARD;
    }

    /** The opening call's reply has been queued: release what was held back. */
    public void activate() {
        List<ByteBuf> held;
        boolean finish;
        VirtError err;
        synchronized (this) {
            held = pending;
            pending = null;
            finish = finishedPending;
            err = pendingError;
        }
        for (ByteBuf b : held) {
            write(b);
        }
        if (finish) {
            finish(err);
        }
    }

    /** Client data (STREAM CONTINUE). */
    void data(ByteBuf payload) {
        if (!closed && payload.isReadable()) {
            sink.data(payload.nioBuffer());
        }
    }

    /** The client finished or aborted: confirm with an empty STREAM OK. */
    void clientClosed(boolean aborted) {
        if (closed) {
            return;
        }
        closed = true;
        wakeProducers();
        sink.closed(aborted);
        session.send(call.reply(MessageType.STREAM, MessageStatus.OK), org.virtd.rpc.xdr.Xdr.VOID, null);
    }

    /** The connection went away or the opening call failed. */
    void abort() {
        if (!closed) {
            closed = true;
            wakeProducers();
            sink.closed(true);
        }
        synchronized (this) {
            if (pending != null) {
                pending.forEach(ByteBuf::release);
                pending.clear();
            }
        }
    }
}
