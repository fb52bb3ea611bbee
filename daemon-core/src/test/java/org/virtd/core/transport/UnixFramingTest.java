package org.virtd.core.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.FileDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.driver.PassedFd;
import org.virtd.rpc.message.MessageType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Descriptors over a real UNIX socket as libvirt's client sends them: a CALL_WITH_FDS packet, then
 * each descriptor with a byte of its own, with packets before and after it all already queued in
 * the socket when the server first reads. The server gets the packets in order and the
 * descriptors with theirs (a plain byte read would have swallowed them); a count over libvirt's
 * limit closes the connection.
 */
class UnixFramingTest {
    @TempDir
    Path dir;
    private final EventLoops loops = new EventLoops(1);
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private Channel server;
    private Channel served;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        loops.close();
    }

    private Channel connect() throws Exception {
        Path sock = dir.resolve("s");
        server = new ServerBootstrap().group(loops.group()).channel(EpollServerDomainSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel c) {
                        served = c;
                        UnixFraming.install(c);
                        c.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                received.add(msg);
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                events.add("closed");
                            }
                        });
                        events.add("accepted");
                    }
                }).bind(new DomainSocketAddress(sock.toString())).sync().channel();
        Channel client = new Bootstrap().group(loops.group()).channel(EpollDomainSocketChannel.class)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(new DomainSocketAddress(sock.toString())).sync().channel();
        assertEquals("accepted", events.poll(5, TimeUnit.SECONDS));
        return client;
    }

    /** A packet of {@code type} whose payload starts with {@code firstWord} (the fd count for *_WITH_FDS). */
    private static ByteBuf packet(MessageType type, int serial, int firstWord) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(32).writeInt(0x20008086).writeInt(1).writeInt(249).writeInt(type.wire).writeInt(serial)
                .writeInt(0).writeInt(firstWord);
        return b;
    }

    /** The read end of a pipe that holds {@code text}. */
    private static FileDescriptor pipeWith(String text) throws Exception {
        FileDescriptor[] pipe = FileDescriptor.pipe();
        ByteBuffer b = ByteBuffer.allocateDirect(text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII)).flip();
        pipe[1].write(b, 0, text.length());
        pipe[1].close();
        return pipe[0];
    }

    private static String contents(PassedFd fd) throws Exception {
        ByteBuffer buf = ByteBuffer.allocateDirect(16);
        int n = new FileDescriptor(fd.fd()).read(buf, 0, 16);
        buf.limit(n);
        return StandardCharsets.US_ASCII.decode(buf).toString();
    }

    @Test
    void descriptorsFollowingAPacketComeWithItAndNeighboursKeepTheirOrder() throws Exception {
        Channel client = connect();
        client.write(packet(MessageType.CALL, 1, 0));
        client.write(packet(MessageType.CALL_WITH_FDS, 2, 2));
        client.write(pipeWith("first"));
        client.write(pipeWith("second"));
        client.write(packet(MessageType.CALL, 3, 0));
        client.writeAndFlush(packet(MessageType.CALL_WITH_FDS, 4, 0)).sync();
        Thread.sleep(100); // everything sits in the socket before the first read
        served.config().setAutoRead(true);

        ByteBuf first = assertInstanceOf(ByteBuf.class, received.poll(5, TimeUnit.SECONDS));
        assertEquals(1, first.getInt(20));
        first.release();
        PacketWithFds second = assertInstanceOf(PacketWithFds.class, received.poll(5, TimeUnit.SECONDS));
        assertEquals(2, second.packet().getInt(20));
        assertEquals(2, second.fds().size());
        assertEquals("first", contents(second.fds().get(0)));
        assertEquals("second", contents(second.fds().get(1)));
        second.packet().release();
        PassedFd.closeAll(second.fds());
        ByteBuf third = assertInstanceOf(ByteBuf.class, received.poll(5, TimeUnit.SECONDS));
        assertEquals(3, third.getInt(20));
        third.release();
        PacketWithFds fourth = assertInstanceOf(PacketWithFds.class, received.poll(5, TimeUnit.SECONDS));
        assertEquals(4, fourth.packet().getInt(20));
        assertTrue(fourth.fds().isEmpty());
        fourth.packet().release();
        assertNull(received.poll(200, TimeUnit.MILLISECONDS));
        client.close();
    }

    @Test
    void moreDescriptorsThanLibvirtAllowsCloseTheConnection() throws Exception {
        Channel client = connect();
        client.writeAndFlush(packet(MessageType.CALL_WITH_FDS, 1, FdReceiver.MAX_FDS + 1)).sync();
        served.config().setAutoRead(true);
        assertEquals("closed", events.poll(5, TimeUnit.SECONDS));
        assertNull(received.poll());
        client.close();
    }
}
