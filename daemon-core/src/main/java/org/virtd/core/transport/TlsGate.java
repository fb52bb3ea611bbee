package org.virtd.core.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;

/**
 * Sits right after the {@link SslHandler} of a TLS connection and lets nothing through until the
 * client is judged (libvirt's virNetServerClientCheckAccess): after the handshake the client's
 * certificate is checked; a refused client gets one log line with the reason and is closed, an
 * accepted one gets libvirt's one-byte confirmation ({@code \1}, which virsh waits for) and only
 * then reaches the session, with its DN. Then this handler leaves the pipeline.
 */
final class TlsGate extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(TlsGate.class);

    /** Fired down the pipeline once the client passed: the session may start. */
    record Verified(String x509Dn) {
    }

    private final TlsContext context;

    TlsGate(TlsContext context) {
        this.context = context;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof SslHandshakeCompletionEvent done)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        String who = describe(ctx);
        if (!done.isSuccess()) {
            Throwable cause = rootCause(done.cause());
            if (cause instanceof ClosedChannelException) {
                LOG.debug("TLS client {} left before the handshake completed", who);
            } else {
                LOG.warn("TLS handshake failed with client {}: {}", who, cause.getMessage());
            }
            ctx.close();
            return;
        }
        PeerCertCheck.Verdict v = context.check(ctx.pipeline().get(SslHandler.class).engine().getSession());
        if (!v.accepted()) {
            if (context.verifyPeer()) {
                LOG.warn("Refusing TLS client {}: Certificate check failed: {}", who, v.refusal());
                ctx.close();
                return;
            }
            LOG.info("Ignoring bad certificate of TLS client {} at user request (tls_no_verify_certificate): {}",
                    who, v.refusal());
        }
        ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
        ctx.pipeline().remove(this);
        ctx.fireUserEventTriggered(new Verified(v.dn()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // nothing may be read before the client is judged; libvirt clients wait for the \1
        ReferenceCountUtil.release(msg);
        LOG.warn("Refusing TLS client {}: data before the certificate check", describe(ctx));
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // handshake failures are logged from the completion event; this is the same fault again
        LOG.debug("TLS client {}: {}", describe(ctx), cause.toString());
        ctx.close();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String describe(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getHostString() + ";" + a.getPort() : String.valueOf(ctx.channel().remoteAddress());
    }
}
