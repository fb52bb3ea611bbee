package org.virtd.core.forward;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.FileDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.peer.HandoverSource;
import org.virtd.core.server.Session;
import org.virtd.core.driver.PassedFd;
import org.virtd.core.transport.PacketWithFds;
import org.virtd.core.transport.UnixFraming;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.error.RemoteFailure;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.handover.HandoverProgram;
import org.virtd.rpc.handover.TakeClientArgs;
import org.virtd.rpc.keepalive.KeepaliveProgram;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.Limits;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.message.Packets;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.xdr.Xdr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One proxied client's connection to the daemon that serves it (libvirt's remote driver inside
 * virtproxyd, cut down to a pipe). It is opened with a short handshake of its own calls, whose
 * replies the proxy reads; after that every packet from the daemon goes to the client as it came,
 * on the client's event loop, and the daemon is not read while the client cannot take more.
 */
final class BackendLink {
    private static final Logger LOG = LoggerFactory.getLogger(BackendLink.class);
    private static final int PROGRAM_OFFSET = 4;
    private static final int PROCEDURE_OFFSET = 12;
    private static final int TYPE_OFFSET = 16;
    private static final int SERIAL_OFFSET = 20;
    private static final int STATUS_OFFSET = 24;

    private final Session client;
    private final Path socket;
    private final Listener listener;
    private final BlockingQueue<ByteBuf> replies = new LinkedBlockingQueue<>();
    private volatile Channel channel;
    private volatile boolean forwarding;
    private int serial;
    /** The client offered to the daemon and our TAKE_CLIENT call's serial (event loop only). */
    private HandoverSource offered;
    private int offerSerial;

    /** What the owner of a link hears of it, on the client's event loop. */
    interface Listener {
        /** A packet from the daemon is about to go to the client (the listener must not keep it). */
        default void toClient(ByteBuf packet) {
        }

        /** The daemon closed the connection, or it failed. */
        void closed();
    }

    private BackendLink(Session client, Path socket, Listener listener) {
        this.client = client;
        this.socket = socket;
        this.listener = listener;
    }

    /** Connects on the client's own event loop, so the two sides of the pipe share one thread. */
    static BackendLink connect(Session client, Path socket, Duration timeout, Listener listener) throws VirtException {
        if (!(client.executor() instanceof EventLoop loop)) {
            throw new IllegalStateException("a proxied client must live on a Netty event loop");
        }
        BackendLink link = new BackendLink(client, socket, listener);
        ChannelFuture f = new Bootstrap().group(loop).channel(EpollDomainSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        UnixFraming.install(ch);
                        ch.pipeline().addLast("link", link.new Inbound());
                    }
                })
                .connect(new DomainSocketAddress(socket.toString()));
        if (!f.awaitUninterruptibly(timeout.toMillis()) || !f.isSuccess()) {
            f.channel().close();
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Failed to connect socket to '" + socket + "': " + why(socket, f.cause()));
        }
        link.channel = f.channel();
        return link;
    }

    private static String why(Path socket, Throwable cause) {
        if (!Files.exists(socket)) {
            return "No such file or directory";
        }
        String text = cause != null && cause.getMessage() != null ? cause.getMessage() : "Connection timed out";
        return text.contains("Connection refused") ? "Connection refused"
                : text.contains("Permission denied") ? "Permission denied" : text;
    }

    /** One call of the proxy's own on the daemon connection, before forwarding starts. */
    <A, R> R call(Procedure<A, R> proc, A args, Duration timeout) throws VirtException {
        Header h = Header.of(proc.program(), proc.version(), proc.number(), MessageType.CALL, ++serial,
                MessageStatus.OK);
        channel.writeAndFlush(Packets.encode(channel.alloc(), h, proc.args(), args));
        ByteBuf reply;
        try {
            reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.RPC, "interrupted while opening " + socket);
        }
        if (reply == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "no reply to " + proc.api() + " from " + socket + " within " + timeout.toSeconds() + " s");
        }
        try {
            reply.skipBytes(Limits.LEN_SIZE);
            Header r = Header.decode(reply);
            if (r.status() == MessageStatus.ERROR.wire) {
                RemoteError error = RemoteError.CODEC.decode(reply);
                throw new RemoteFailure(error);
            }
            return proc.ret().decode(reply);
        } finally {
            reply.release();
        }
    }

    /** From now on the daemon's packets go to the client. */
    void startForwarding() {
        channel.eventLoop().execute(() -> {
            forwarding = true;
            ByteBuf early;
            while ((early = replies.poll()) != null) {
                listener.toClient(early);
                client.write(early); // something the daemon sent after the handshake (an event)
            }
        });
    }

    /**
     * Offers the client's own socket to the daemon ({@link HandoverProgram}): the client is no
     * longer read, and what it sent that is not a whole packet yet goes with the offer. Runs on
     * the event loop once the client has had its open reply; the daemon's answer arrives in
     * {@link Inbound}.
     */
    void offerClient() {
        HandoverSource source = client.peer().freeze();
        if (source == null) {
            return;
        }
        if (!channel.isActive()) {
            client.peer().thaw();
            return;
        }
        offered = source;
        offerSerial = ++serial;
        Procedure<TakeClientArgs, Void> take = HandoverProgram.TAKE_CLIENT;
        Header h = Header.of(take.program(), take.version(), take.number(), MessageType.CALL, offerSerial,
                MessageStatus.OK);
        channel.writeAndFlush(Packets.encode(channel.alloc(), h, take.args(),
                new TakeClientArgs(client.keepalive().started(), source.unread())), channel.voidPromise());
    }

    /** The daemon answered the offer: send the socket and bow out, or keep forwarding. */
    private void offerAnswered(ChannelHandlerContext ctx, ByteBuf reply) {
        boolean accepted = reply.getInt(STATUS_OFFSET) == MessageStatus.OK.wire;
        reply.release();
        HandoverSource source = offered;
        offered = null;
        if (!accepted) {
            LOG.debug("{}: the daemon behind {} keeps the client forwarded", client, socket);
            client.peer().thaw();
            return;
        }
        // the daemon holds the session's output until the socket arrives; ours closes when it has gone
        ctx.writeAndFlush(new FileDescriptor(source.fd())).addListener(sent -> {
            if (!sent.isSuccess()) {
                LOG.warn("{}: handing the client to {} failed: {}", client, socket, sent.cause().toString());
            }
            client.close();
        });
    }

    private boolean isOfferAnswer(ByteBuf packet) {
        return offered != null && packet.getInt(PROGRAM_OFFSET) == HandoverProgram.ID
                && packet.getInt(SERIAL_OFFSET) == offerSerial
                && packet.getInt(TYPE_OFFSET) == MessageType.REPLY.wire;
    }

    /** A packet from the client, passed on untouched; takes ownership. */
    void forward(ByteBuf packet) {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            packet.release();
            return;
        }
        ch.writeAndFlush(packet, ch.voidPromise());
    }

    /** A CALL_WITH_FDS from the client and its descriptors, passed on; takes ownership of both. */
    void forward(ByteBuf packet, List<PassedFd> fds) {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            packet.release();
            PassedFd.closeAll(fds);
            return;
        }
        UnixFraming.writeWithFds(ch, packet, fds);
    }

    /** The client can take more (true) or not (false): read the daemon accordingly. */
    void clientWritable(boolean writable) {
        Channel ch = channel;
        if (ch != null) {
            ch.config().setAutoRead(writable);
        }
    }

    void close() {
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
        ByteBuf left;
        while ((left = replies.poll()) != null) {
            left.release();
        }
    }

    /** The daemon side of the pipe. */
    private final class Inbound extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof PacketWithFds withFds) {
                replyWithFds(withFds.packet(), withFds.fds());
                return;
            }
            ByteBuf packet = (ByteBuf) msg;
            if (!forwarding) {
                replies.add(packet);
                return;
            }
            if (packet.getInt(PROGRAM_OFFSET) == KeepaliveProgram.PROGRAM.id()) {
                answerPing(ctx, packet);
                return;
            }
            if (isOfferAnswer(packet)) {
                offerAnswered(ctx, packet);
                return;
            }
            listener.toClient(packet);
            client.write(packet);
        }

        /**
         * A REPLY_WITH_FDS goes to the client with its descriptors; a client that cannot take
         * descriptors (TCP, TLS) gets libvirt's refusal for that call instead.
         */
        private void replyWithFds(ByteBuf packet, List<PassedFd> fds) {
            if (forwarding && client.peer().canPassFds()) {
                listener.toClient(packet);
                client.peer().writeWithFds(packet, fds);
                return;
            }
            PassedFd.closeAll(fds);
            if (!forwarding) {
                replies.add(packet);
                return;
            }
            Header h = Header.decode(packet.skipBytes(Limits.LEN_SIZE));
            packet.release();
            client.sendError(Header.of(h.program(), h.version(), h.procedure(), MessageType.REPLY, h.serial(),
                    MessageStatus.ERROR), RemoteError.of(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.RPC,
                    "Unable to pass FDs to the client"));
        }

        /** Keepalive is per hop: the daemon's pings are the proxy's to answer. */
        private void answerPing(ChannelHandlerContext ctx, ByteBuf packet) {
            boolean ping = packet.getInt(PROCEDURE_OFFSET) == KeepaliveProgram.PING.number();
            packet.release();
            if (ping) {
                ctx.writeAndFlush(Packets.encode(ctx.alloc(), Header.of(KeepaliveProgram.PROGRAM.id(),
                        KeepaliveProgram.PROGRAM.version(), KeepaliveProgram.PONG.number(), MessageType.MESSAGE, 0,
                        MessageStatus.OK), Xdr.VOID, null));
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            client.holdReading(!ctx.channel().isWritable());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            LOG.debug("{}: the daemon behind {} closed the connection", client, socket);
            listener.closed();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("{}: connection to {} failed: {}", client, socket, cause.toString());
            ctx.close();
        }
    }
}
