package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.unix.PeerCredentials;
import org.virtd.core.driver.ClientIdentity;
import org.virtd.core.peer.Peer;

import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A {@link Peer} over a Netty channel. Writes from worker threads are handed to the channel,
 * which queues them onto its event loop; identity comes from SO_PEERCRED for unix peers.
 */
final class ChannelPeer implements Peer {
    static {
        // a driver passes sockets only to clients of ours, so installing with the first peer is early enough
        org.virtd.core.driver.ClientSocketPair.install(UnixSocketPairs.INSTANCE);
    }

    private final Channel channel;
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

    @Override
    public void write(ByteBuf packet) {
        channel.writeAndFlush(packet, channel.voidPromise());
    }

    @Override
    public boolean canPassFds() {
        return channel instanceof EpollDomainSocketChannel;
    }

    @Override
    public void writeWithFds(ByteBuf packet, java.util.List<org.virtd.core.driver.PassedFd> fds) {
        channel.write(packet, channel.voidPromise());
        io.netty.channel.ChannelFuture last = null;
        for (org.virtd.core.driver.PassedFd f : fds) {
            last = channel.write(new io.netty.channel.unix.FileDescriptor(f.fd()));
        }
        channel.flush();
        Runnable release = () -> fds.forEach(f -> {
            try {
                f.owner().close();
            } catch (java.io.IOException ignored) {
                // the client has its copy or the connection is gone
            }
        });
        if (last == null) {
            release.run();
        } else {
            last.addListener(done -> release.run());
        }
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
        channel.config().setAutoRead(reading);
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
