package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.server.Frame;
import org.virtd.core.server.RpcServer;
import org.virtd.core.server.Session;

/**
 * The last handler of a client pipeline: turns channel events into session events (opened,
 * frame, closed). A client over the server's limit is closed at once.
 */
final class SessionAdapter extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionAdapter.class);

    private final RpcServer server;
    private final boolean readOnly;
    private final int transport;
    private Session session;

    SessionAdapter(RpcServer server, boolean readOnly, int transport) {
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
        session.received(Frame.of(frame));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (session != null && ctx.channel().isWritable()) {
            session.writable();
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
