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
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small blocking libvirt RPC client over the JDK's unix sockets, built on the same procedure
 * declarations the daemon reads: for tests, fuzzing and the load benchmark. One call at a time;
 * MESSAGE packets that arrive meanwhile are kept in {@link #messages()}.
 */
public final class WireClient implements AutoCloseable {
    private final SocketChannel ch;
    private final List<Header> messages = new ArrayList<>();
    private int serial;

    private WireClient(SocketChannel ch) {
        this.ch = ch;
    }

    public static WireClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new WireClient(ch);
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
            ByteBuffer packet = readPacket();
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
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Reads one packet without its length word; null at end of stream. */
    public ByteBuffer readPacket() throws IOException {
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

    public SocketChannel channel() {
        return ch;
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
