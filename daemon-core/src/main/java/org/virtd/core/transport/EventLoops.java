package org.virtd.core.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.TimeUnit;

/**
 * The daemon's I/O threads: one epoll event-loop group shared by every listener and client.
 * Two threads suit the small hosts these daemons run on; all real work is on worker pools.
 */
public final class EventLoops implements AutoCloseable {
    private final EventLoopGroup group;

    public EventLoops(int threads) {
        Epoll.ensureAvailability();
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("virtd-io", true),
                EpollIoHandler.newFactory());
    }

    /**
     * Loads the epoll native library ahead of need (see WarmUp), then initialises what the main
     * thread's first listener would otherwise initialise on the daemon's start path (measured:
     * ~80 ms of it on a loaded 2-core host): the default buffer allocator, channel ids (the
     * machine id), a server channel with its pipeline and config, and ServerBootstrap with the
     * {@code @Sharable} check of ChannelInitializer, which builds annotation proxies.
     */
    public static void preload() {
        if (!Epoll.isAvailable()) {
            return;
        }
        ByteBufAllocator.DEFAULT.buffer(1).release();
        EpollServerDomainSocketChannel probe = new EpollServerDomainSocketChannel(); // an unbound socket
        probe.unsafe().closeForcibly();
        ChannelInitializer<Channel> initializer = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
            }
        };
        initializer.isSharable();
        new ServerBootstrap().childHandler(initializer);
    }

    public EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
