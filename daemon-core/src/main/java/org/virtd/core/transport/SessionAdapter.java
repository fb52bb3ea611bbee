package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.FileDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.driver.PassedFd;
import org.virtd.core.peer.Acceptor;
import org.virtd.core.peer.Inbound;

import java.io.IOException;

/**
 * The last handler of a client pipeline: turns channel events into the server's events (accepted,
 * packet, writability, gone). A client the server refuses is closed at once. A TLS client holds
 * a slot from connect time but is handed to the server only when {@link TlsGate} has verified it.
 */
final class SessionAdapter extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionAdapter.class);

    private final Acceptor server;
    private final boolean readOnly;
    private final int transport;
    private final boolean afterTlsCheck;
    private Inbound session;
    private ChannelPeer peer;
    private boolean held;

    SessionAdapter(Acceptor server, boolean readOnly, int transport, boolean afterTlsCheck) {
        this.server = server;
        this.readOnly = readOnly;
        this.transport = transport;
        this.afterTlsCheck = afterTlsCheck;
    }

    /** The adapter of a session that moved here from a proxy's connection (a handover). */
    SessionAdapter(Inbound session, ChannelPeer peer) {
        this(null, false, peer.transport(), false);
        this.session = session;
        this.peer = peer;
    }

    /** The session leaves this connection (it moves to another): closing this one ends nothing. */
    Inbound detach() {
        Inbound s = session;
        session = null;
        return s;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (server == null) {
            return; // a moved session: accepted long ago
        }
        if (!afterTlsCheck) {
            accept(ctx);
        } else if (server.hold()) {
            held = true;
        } else {
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof TlsGate.Verified v && afterTlsCheck && session == null && held) {
            held = false;
            peer = new ChannelPeer(ctx.channel(), transport, v.x509Dn());
            session = server.acceptHeld(peer, readOnly);
            if (session == null) {
                ctx.close();
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    private void accept(ChannelHandlerContext ctx) {
        peer = new ChannelPeer(ctx.channel(), transport, null);
        session = server.accept(peer, readOnly);
        if (session == null) {
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FileDescriptor fd) {
            if (session != null && peer != null && peer.expectsHandover()) {
                peer.moveTo(fd, this);
            } else {
                LOG.debug("closing {}: a descriptor nobody asked for", ctx.channel());
                closeQuietly(fd);
                ctx.close();
            }
            return;
        }
        if (msg instanceof PacketWithFds withFds) {
            if (session == null) {
                withFds.packet().release();
                PassedFd.closeAll(withFds.fds());
            } else {
                session.frame(withFds.packet(), withFds.fds());
            }
            return;
        }
        ByteBuf frame = (ByteBuf) msg;
        if (session == null) {
            frame.release();
            return;
        }
        session.frame(frame);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (session != null) {
            session.writabilityChanged(ctx.channel().isWritable());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (held) {
            held = false;
            server.release();
        }
        if (session != null) {
            session.disconnected();
        }
    }

    private static void closeQuietly(FileDescriptor fd) {
        try {
            fd.close();
        } catch (IOException ignored) {
            // nothing else to release
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing {} after {}", ctx.channel(), cause.toString());
        ctx.close();
    }
}
