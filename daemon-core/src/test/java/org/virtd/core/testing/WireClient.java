package org.virtd.core.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.Limits;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.message.Packets;
import org.virtd.rpc.program.Procedure;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small blocking libvirt RPC client over the JDK's unix sockets, built on the same procedure
 * declarations the daemon reads: for tests, fuzzing and the load benchmark. One call at a time;
 * MESSAGE packets that arrive meanwhile are kept in {@link #messages()}.
 *
 * <p>No read or write waits without bound: each packet read and each write must complete within
 * the client's deadline ({@link #DEFAULT_DEADLINE}, see {@link #deadline(Duration)}). A JDK unix
 * channel has no SO_TIMEOUT, so a watchdog closes the channel when the deadline passes; the
 * blocked call then fails with a {@link SocketTimeoutException} naming what it waited for, and
 * the client is unusable afterwards.
 */
public final class WireClient implements AutoCloseable {
    /** How long one packet read or one write may take unless {@link #deadline(Duration)} says otherwise. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wire-client-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final SocketChannel ch;
    private final Path socket;
    private final List<Header> messages = new ArrayList<>();
    private int serial;
    private Duration deadline = DEFAULT_DEADLINE;
    /** Set by the watchdog before it closes the channel, so the failure says "timed out". */
    private volatile boolean expired;

    private WireClient(SocketChannel ch, Path socket) {
        this.ch = ch;
        this.socket = socket;
    }

    public static WireClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new WireClient(ch, socket);
    }

    /** Sets how long one packet read or one write may take (a slow driver call needs more). */
    public WireClient deadline(Duration limit) {
        if (limit.isZero() || limit.isNegative()) {
            throw new IllegalArgumentException("deadline must be positive: " + limit);
        }
        this.deadline = limit;
        return this;
    }

    /** An I/O step under the deadline. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws IOException;
    }

    private <T> T bounded(String what, Step<T> step) throws IOException {
        if (expired) {
            throw new SocketTimeoutException(what + ": this client already timed out on " + socket);
        }
        ScheduledFuture<?> alarm = WATCHDOG.schedule(this::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return step.run();
        } catch (AsynchronousCloseException e) {
            if (expired) {
                SocketTimeoutException t = new SocketTimeoutException(
                        "no progress within " + deadline.toMillis() + " ms while " + what + " on " + socket);
                t.initCause(e);
                throw t;
            }
            throw e;
        } finally {
            alarm.cancel(false);
        }
    }

    private void expire() {
        expired = true;
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing is all the watchdog can do
        }
    }

    /** A failed call: the server's error reply. */
    public static final class CallFailed extends Exception {
        private static final long serialVersionUID = 1L;
        public final transient RemoteError error;

        CallFailed(RemoteError error) {
            super(error.code() + "/" + error.domain() + ": " + error.message());
            this.error = error;
        }
    }

    public <A, R> R call(Procedure<A, R> proc, A args) throws IOException, CallFailed {
        int s = serial++;
        Header h = Header.of(proc.program(), proc.version(), proc.number(), MessageType.CALL, s, MessageStatus.OK);
        ByteBuf out = Unpooled.buffer();
        Packets.encode(out, h, proc.args(), args);
        writeAll(out.nioBuffer());
        out.release();
        while (true) {
            ByteBuffer packet = readPacket("waiting for the reply to " + proc);
            if (packet == null) {
                throw new IOException("connection closed while waiting for " + proc);
            }
            ByteBuf in = Unpooled.wrappedBuffer(packet);
            Header r = Header.decode(in);
            if (r.messageType() == MessageType.REPLY && r.serial() == s) {
                if (r.messageStatus() == MessageStatus.ERROR) {
                    throw new CallFailed(RemoteError.CODEC.decode(in));
                }
                return proc.ret().decode(in);
            }
            messages.add(r);
        }
    }

    /** The usual handshake: AUTH_LIST, then CONNECT_OPEN of {@code uri}. */
    public WireClient open(String uri, int flags) throws IOException, CallFailed {
        call(org.virtd.rpc.remote.RemoteProgram.AUTH_LIST, null);
        call(org.virtd.rpc.remote.RemoteProgram.CONNECT_OPEN, new org.virtd.rpc.remote.types.OpenArgs(uri, flags));
        return this;
    }

    public void writeRaw(ByteBuffer bytes) throws IOException {
        writeAll(bytes);
    }

    private void writeAll(ByteBuffer b) throws IOException {
        bounded("writing " + b.remaining() + " bytes", () -> {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            return null;
        });
    }

    /** Reads one packet without its length word; null at end of stream. */
    public ByteBuffer readPacket() throws IOException {
        return readPacket("waiting for a packet");
    }

    private ByteBuffer readPacket(String what) throws IOException {
        return bounded(what, () -> {
            ByteBuffer len = ByteBuffer.allocate(4);
            if (!readFully(len)) {
                return null;
            }
            int n = len.flip().getInt() - 4;
            if (n < Limits.HEADER_SIZE || n > Limits.MESSAGE_MAX) {
                throw new IOException("bad packet length " + (n + 4));
            }
            ByteBuffer body = ByteBuffer.allocate(n);
            if (!readFully(body)) {
                return null;
            }
            return body.flip();
        });
    }

    /**
     * Reads and discards whatever arrives until the server closes the connection (end of stream
     * or a reset), within the deadline as a whole; for a client that sent garbage.
     */
    public void drainUntilClosed() throws IOException {
        bounded("draining until the server closes", () -> {
            ByteBuffer b = ByteBuffer.allocate(65536);
            try {
                while (ch.read(b.clear()) >= 0) {
                    // discard
                }
            } catch (AsynchronousCloseException e) {
                throw e;
            } catch (IOException reset) {
                // reset by peer is an end too
            }
            return null;
        });
    }

    private boolean readFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                return false;
            }
        }
        return true;
    }

    public List<Header> messages() {
        return messages;
    }

    /** The channel itself, e.g. to shut its output down; reads on it bypass the deadline. */
    public SocketChannel channel() {
        return ch;
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
