package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.unix.DomainSocketReadMode;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.PeerCredentials;
import org.virtd.core.driver.ClientIdentity;
import org.virtd.core.peer.HandoverSource;
import org.virtd.core.peer.Inbound;
import org.virtd.core.peer.Peer;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A {@link Peer} over a Netty channel. Writes from worker threads are handed to the channel,
 * which queues them onto its event loop; identity comes from SO_PEERCRED for unix peers. A
 * session served over virtproxyd's connection can move onto the client's own socket when the
 * proxy hands it over ({@link #awaitHandover}, {@link #moveTo}); the session never notices.
 */
final class ChannelPeer implements Peer {
    /** The connection; replaced once if a proxy hands the client's own socket over. */
    private volatile Channel channel;
    private final ClientIdentity identity;
    private final int transport;
    private final String x509Dn;

    ChannelPeer(Channel channel, int transport, String x509Dn) {
        this.channel = channel;
        this.transport = transport;
        this.x509Dn = x509Dn;
        this.identity = credentials(channel);
    }

    private static ClientIdentity credentials(Channel channel) {
        if (channel instanceof EpollDomainSocketChannel unix) {
            try {
                PeerCredentials c = unix.peerCredentials();
                int[] gids = c.gids();
                return new ClientIdentity(c.uid() & 0xffffffffL, gids.length > 0 ? gids[0] & 0xffffffffL : -1, c.pid());
            } catch (java.io.IOException e) {
                return ClientIdentity.UNKNOWN;
            }
        }
        return ClientIdentity.UNKNOWN;
    }

    /** Daemon side: packets written while the client's socket is on its way (event loop only). */
    private List<ByteBuf> held;
    private volatile boolean holding;
    private byte[] unreadAfterHandover;
    /** Proxy side: true while a handover is offered; the read gate may not resume reading meanwhile. */
    private boolean frozen;
    /** What the read gate last asked for. */
    private boolean reading = true;

    @Override
    public void write(ByteBuf packet) {
        if (holding) {
            channel.eventLoop().execute(() -> {
                if (holding) {
                    held.add(packet);
                } else {
                    channel.writeAndFlush(packet, channel.voidPromise());
                }
            });
            return;
        }
        Channel ch = channel;
        ch.writeAndFlush(packet, ch.voidPromise());
    }

    @Override
    public boolean canPassFds() {
        return channel instanceof EpollDomainSocketChannel;
    }

    @Override
    public void writeWithFds(ByteBuf packet, java.util.List<org.virtd.core.driver.PassedFd> fds) {
        UnixFraming.writeWithFds(channel, packet, fds);
    }

    @Override
    public boolean writable() {
        return channel.isWritable();
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public void setReading(boolean reading) {
        Channel ch = channel;
        if (!ch.eventLoop().inEventLoop()) {
            ch.eventLoop().execute(() -> setReading(reading));
            return;
        }
        this.reading = reading;
        if (!frozen) {
            ch.config().setAutoRead(reading);
        }
    }

    @Override
    public HandoverSource freeze() {
        if (!(channel instanceof EpollDomainSocketChannel unix) || !unix.isActive()) {
            return null;
        }
        frozen = true;
        unix.config().setAutoRead(false);
        FrameDecoder frames = unix.pipeline().get(FrameDecoder.class);
        return new HandoverSource(unix.fd().intValue(), frames == null ? new byte[0] : frames.unread());
    }

    @Override
    public void thaw() {
        frozen = false;
        channel.config().setAutoRead(reading);
    }

    @Override
    public boolean awaitHandover(byte[] unread) {
        if (!(channel instanceof EpollDomainSocketChannel unix)) {
            return false;
        }
        held = new ArrayList<>();
        unreadAfterHandover = unread;
        holding = true;
        unix.config().setReadMode(DomainSocketReadMode.FILE_DESCRIPTORS);
        return true;
    }

    /** Whether a descriptor read now is the client's socket a proxy was asked to hand over. */
    boolean expectsHandover() {
        return holding;
    }

    /**
     * The client's socket arrived: the session moves onto it, on the same event loop, with what
     * was held written first and the proxy's unread bytes read first. The proxy's connection is
     * closed without ending the session.
     */
    void moveTo(FileDescriptor fd, SessionAdapter oldAdapter) {
        Channel old = channel;
        EpollDomainSocketChannel fresh = new EpollDomainSocketChannel(fd.intValue());
        fresh.config().setWriteBufferWaterMark(old.config().getWriteBufferWaterMark());
        fresh.config().setAutoRead(false);
        Inbound session = oldAdapter.detach();
        UnixFraming.install(fresh);
        fresh.pipeline().addLast("session", new SessionAdapter(session, this));
        old.eventLoop().register(fresh).addListener(done -> {
            old.close();
            if (!done.isSuccess()) {
                fresh.close();
                session.disconnected();
                return;
            }
            channel = fresh;
            holding = false;
            for (ByteBuf packet : held) {
                fresh.write(packet, fresh.voidPromise());
            }
            fresh.flush();
            held = null;
            byte[] unread = unreadAfterHandover;
            unreadAfterHandover = null;
            if (unread.length > 0) {
                fresh.pipeline().fireChannelRead(Unpooled.wrappedBuffer(unread));
            }
            fresh.config().setAutoRead(reading);
        });
    }

    @Override
    public ClientIdentity identity() {
        return identity;
    }

    @Override
    public int transport() {
        return transport;
    }

    @Override
    public String address() {
        return channel.remoteAddress() instanceof InetSocketAddress a ? a.getHostString() + ";" + a.getPort() : null;
    }

    @Override
    public String x509Dn() {
        return x509Dn;
    }

    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public ScheduledExecutorService executor() {
        return channel.eventLoop();
    }
}
