package org.virtd.core.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
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

    /** Loads the epoll native library ahead of need (see WarmUp). */
    public static void preload() {
        Epoll.isAvailable();
    }

    public EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
