package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.peer.Acceptor;
import org.virtd.core.peer.Inbound;

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
    private boolean held;

    SessionAdapter(Acceptor server, boolean readOnly, int transport, boolean afterTlsCheck) {
        this.server = server;
        this.readOnly = readOnly;
        this.transport = transport;
        this.afterTlsCheck = afterTlsCheck;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
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
            session = server.acceptHeld(new ChannelPeer(ctx.channel(), transport, v.x509Dn()), readOnly);
            if (session == null) {
                ctx.close();
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    private void accept(ChannelHandlerContext ctx) {
        session = server.accept(new ChannelPeer(ctx.channel(), transport, null), readOnly);
        if (session == null) {
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
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

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing {} after {}", ctx.channel(), cause.toString());
        ctx.close();
    }
}
