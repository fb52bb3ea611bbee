package org.virtd.core.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.activation.Posix;
import org.virtd.core.peer.Acceptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * One listening socket of one server: a unix socket the daemon creates (stale file unlinked,
 * created under a umask so it is never more open than its mode, then chmod'ed and chown'ed as
 * configured), a TCP socket it binds, or a descriptor inherited from systemd (adopted as is,
 * never chmod'ed or unlinked). A TLS socket's clients go through the TLS handshake and the
 * certificate check before their session exists. Accepting starts only when {@link #start()}
 * is called.
 */
public final class Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    private final ListenerSpec spec;
    private final ServerChannel channel;

    private Listener(ListenerSpec spec, ServerChannel channel) {
        this.spec = spec;
        this.channel = channel;
    }

    /**
     * @param backlog      the listen queue ({@code max_queued_clients})
     * @param lowWater     a client's send queue, in bytes, below which it is writable again
     * @param highWater    a client's send queue, in bytes, above which it is not writable
     */
    public static Listener open(EventLoops loops, Acceptor server, ListenerSpec spec, int backlog, int lowWater,
                                int highWater) throws IOException {
        boolean ip = spec.role().ip();
        int transport = spec.role() == ListenerSpec.Role.TLS ? 2 : ip ? 1 : 0;
        boolean readOnly = spec.role() == ListenerSpec.Role.RO;
        TlsContext tls = spec.tls();
        if (spec.role() == ListenerSpec.Role.TLS && tls == null) {
            // the one thing that must never happen: plain RPC on a TLS port
            throw new IOException("no TLS context for " + describe(spec) + ": refusing to serve it");
        }
        ServerChannel ch;
        if (spec.isInherited()) { // already non-blocking: activation prepared it
            ch = ip ? new EpollServerSocketChannel(spec.inheritedFd())
                    : new EpollServerDomainSocketChannel(spec.inheritedFd());
        } else {
            ch = ip ? new EpollServerSocketChannel() : new EpollServerDomainSocketChannel();
        }
        ServerBootstrap b = new ServerBootstrap()
                .group(loops.group())
                .channelFactory(() -> ch)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.SO_BACKLOG, backlog)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(lowWater, highWater))
                // one socket read per wake-up: when a client's gate shuts mid-batch, at most one
                // buffer of its calls is held unread instead of sixteen
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator().maxMessagesPerRead(1))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel c) {
                        if (ip) {
                            c.config().setOption(ChannelOption.TCP_NODELAY, true);
                        }
                        if (tls != null) {
                            c.pipeline().addLast("tls", tls.newHandler(c.alloc()))
                                    .addLast("tls-gate", new TlsGate(tls));
                        }
                        if (ip) {
                            c.pipeline().addLast("frames", new FrameDecoder());
                        } else {
                            UnixFraming.install(c);
                        }
                        c.pipeline().addLast("session", new SessionAdapter(server, readOnly, transport, tls != null));
                    }
                });
        if (ip && !spec.isInherited()) {
            b.option(ChannelOption.SO_REUSEADDR, true);
        }
        try {
            if (spec.isInherited()) {
                b.register().syncUninterruptibly();
            } else if (ip) {
                b.bind(spec.address()).syncUninterruptibly();
            } else {
                bindOwn(b, spec);
            }
        } catch (RuntimeException e) {
            ch.close();
            throw new IOException("cannot listen on " + describe(spec) + ": " + e.getMessage(), e);
        }
        LOG.debug("listening on {}", describe(spec));
        return new Listener(spec, ch);
    }

    private static void bindOwn(ServerBootstrap b, ListenerSpec spec) throws IOException {
        Path path = spec.path();
        Files.createDirectories(path.getParent());
        Files.deleteIfExists(path);
        int old = Posix.umask(~spec.mode() & 0777);
        try {
            b.bind(new DomainSocketAddress(path.toString())).syncUninterruptibly();
        } finally {
            Posix.umask(old);
        }
        Files.setPosixFilePermissions(path, permissions(spec.mode()));
        if (spec.gid() >= 0) {
            Posix.chgrp(path.toString(), spec.gid());
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }

    private static String describe(ListenerSpec spec) {
        if (spec.isInherited()) {
            return "inherited fd " + spec.inheritedFd() + " (" + spec.role() + ")";
        }
        return spec.address() != null ? spec.role() + " " + spec.address() : spec.path().toString();
    }

    public ListenerSpec spec() {
        return spec;
    }

    /** The bound address (a TCP socket's real port when bound to port 0). */
    public java.net.SocketAddress localAddress() {
        return channel.localAddress();
    }

    /** Begin accepting clients. */
    public void start() {
        channel.config().setAutoRead(true);
    }

    /** Stop accepting; unlink the socket file if this daemon created it. */
    public void close() {
        channel.close().syncUninterruptibly();
        if (spec.path() != null && !spec.isInherited()) {
            try {
                Files.deleteIfExists(spec.path());
            } catch (IOException e) {
                LOG.warn("cannot remove {}: {}", spec.path(), e.getMessage());
            }
        }
    }
}
