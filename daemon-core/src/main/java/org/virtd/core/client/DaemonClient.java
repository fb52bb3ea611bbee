package org.virtd.core.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.error.RemoteFailure;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.Limits;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.message.Packets;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.OpenArgs;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One connection to a daemon's unix socket, opened on a URI (AUTH_LIST, then CONNECT_OPEN, as
 * every libvirt client starts), then used for one call at a time. Every call has a deadline; a
 * daemon that does not answer in time, or breaks the connection, gives a libvirt error and the
 * connection is closed. Packets the daemon sends that are not the awaited reply (it sends no
 * events: we register none) are skipped. Not thread-safe: callers serialise.
 */
public final class DaemonClient implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final Path socket;
    private final Duration deadline;
    private int serial = 1;

    private DaemonClient(SocketChannel channel, Selector selector, Path socket, Duration deadline) {
        this.channel = channel;
        this.selector = selector;
        this.socket = socket;
        this.deadline = deadline;
    }

    /**
     * Connects to {@code socket} and opens {@code uri} there. A missing socket gives libvirt's
     * "Failed to connect socket to '…'" error, as a client of that daemon would see it.
     */
    public static DaemonClient open(Path socket, String uri, Duration deadline) throws VirtException {
        SocketChannel ch = null;
        Selector sel = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
            sel = Selector.open();
            ch.register(sel, 0);
        } catch (IOException e) {
            closeQuietly(ch, sel);
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC, "Failed to connect socket to '"
                    + socket + "': " + reason(e));
        }
        DaemonClient c = new DaemonClient(ch, sel, socket, deadline);
        try {
            c.call(RemoteProgram.AUTH_LIST, null);
            c.call(RemoteProgram.CONNECT_OPEN, new OpenArgs(uri, 0));
            return c;
        } catch (VirtException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Calls {@code proc}; an error the daemon answers is thrown as it came ({@link RemoteFailure}). */
    public <A, R> R call(Procedure<A, R> proc, A args) throws VirtException {
        int s = serial++;
        Header h = Header.of(proc.program(), proc.version(), proc.number(), MessageType.CALL, s, MessageStatus.OK);
        ByteBuf out = Unpooled.buffer();
        try {
            Packets.encode(out, h, proc.args(), args);
            long until = System.nanoTime() + deadline.toNanos();
            write(out.nioBuffer(), until);
            while (true) {
                ByteBuf in = Unpooled.wrappedBuffer(readPacket(until));
                Header r = Header.decode(in);
                if (r.messageType() != MessageType.REPLY || r.serial() != s) {
                    continue;
                }
                if (r.messageStatus() == MessageStatus.ERROR) {
                    throw new RemoteFailure(RemoteError.CODEC.decode(in));
                }
                return proc.ret().decode(in);
            }
        } catch (IOException e) {
            close();
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC, "Cannot talk to '" + socket + "' ("
                    + proc.name() + "): " + reason(e));
        } finally {
            out.release();
        }
    }

    private void write(ByteBuffer b, long until) throws IOException {
        while (b.hasRemaining()) {
            if (channel.write(b) == 0) {
                await(SelectionKey.OP_WRITE, until);
            }
        }
    }

    private ByteBuffer readPacket(long until) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(4);
        readFully(len, until);
        int n = len.flip().getInt() - 4;
        if (n < Limits.HEADER_SIZE || n > Limits.MESSAGE_MAX) {
            throw new IOException("bad packet length " + (n + 4));
        }
        ByteBuffer body = ByteBuffer.allocate(n);
        readFully(body, until);
        return body.flip();
    }

    private void readFully(ByteBuffer b, long until) throws IOException {
        while (b.hasRemaining()) {
            int r = channel.read(b);
            if (r < 0) {
                throw new IOException("the daemon closed the connection");
            }
            if (r == 0) {
                await(SelectionKey.OP_READ, until);
            }
        }
    }

    private void await(int op, long until) throws IOException {
        long left = until - System.nanoTime();
        if (left <= 0) {
            throw new IOException("no answer within " + deadline.toMillis() + " ms");
        }
        channel.keyFor(selector).interestOps(op);
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.net.SocketException && m != null && m.contains("No such file")) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        // some channel errors carry no text: name the failure rather than guess a cause
        return m != null ? m : e.getClass().getSimpleName();
    }

    private static void closeQuietly(SocketChannel ch, Selector sel) {
        try {
            if (sel != null) {
                sel.close();
            }
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    @Override
    public void close() {
        closeQuietly(channel, selector);
    }
}
