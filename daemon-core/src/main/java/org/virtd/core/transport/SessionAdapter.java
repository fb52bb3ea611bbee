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
 * packet, writability, gone). A client the server refuses is closed at once.
 */
final class SessionAdapter extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionAdapter.class);

    private final Acceptor server;
    private final boolean readOnly;
    private final int transport;
    private Inbound session;

    SessionAdapter(Acceptor server, boolean readOnly, int transport) {
        this.server = server;
        this.readOnly = readOnly;
        this.transport = transport;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session = server.accept(new ChannelPeer(ctx.channel(), transport), readOnly);
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
