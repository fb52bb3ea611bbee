package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.unix.DomainSocketReadMode;
import io.netty.channel.unix.FileDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.driver.PassedFd;
import org.virtd.rpc.message.Limits;
import org.virtd.rpc.message.MessageType;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives the descriptors that follow a CALL_WITH_FDS or REPLY_WITH_FDS packet (wire-protocol:
 * the count is the payload's first word, then each descriptor comes as SCM_RIGHTS on a byte of
 * its own). The packet is held while the socket is read for descriptors, then passed on with
 * them as a {@link PacketWithFds}; any other packet, or a descriptor nobody announced (a
 * handover), goes by untouched. Sits right after the {@link FrameDecoder} of a UNIX socket.
 */
final class FdReceiver extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(FdReceiver.class);
    /** libvirt's limit on descriptors per message. */
    static final int MAX_FDS = 32;
    private static final int TYPE_OFFSET = Limits.LEN_SIZE + 12;
    private static final int COUNT_OFFSET = Limits.LEN_SIZE + 24;

    private ByteBuf waiting;
    private int due;
    private List<PassedFd> fds;

    /** Whether descriptors are being read, so no byte may be. */
    boolean receiving() {
        return waiting != null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FileDescriptor fd && waiting != null) {
            fds.add(passed(fd));
            if (fds.size() == due) {
                release(ctx);
            }
        } else if (msg instanceof ByteBuf packet && carriesFds(packet)) {
            expect(ctx, packet);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private static boolean carriesFds(ByteBuf packet) {
        int type = packet.getInt(packet.readerIndex() + TYPE_OFFSET);
        return type == MessageType.CALL_WITH_FDS.wire || type == MessageType.REPLY_WITH_FDS.wire;
    }

    private void expect(ChannelHandlerContext ctx, ByteBuf packet) {
        long count = packet.readableBytes() >= COUNT_OFFSET + 4
                ? packet.getUnsignedInt(packet.readerIndex() + COUNT_OFFSET) : 0;
        if (count > MAX_FDS) {
            LOG.debug("closing {}: {} descriptors announced, at most {}", ctx.channel(), count, MAX_FDS);
            packet.release();
            ctx.close();
            return;
        }
        waiting = packet;
        due = (int) count;
        fds = new ArrayList<>(due);
        if (due == 0) {
            release(ctx);
        } else {
            readMode(ctx, DomainSocketReadMode.FILE_DESCRIPTORS);
        }
    }

    private void release(ChannelHandlerContext ctx) {
        ByteBuf packet = waiting;
        List<PassedFd> got = fds;
        waiting = null;
        fds = null;
        readMode(ctx, DomainSocketReadMode.BYTES);
        ctx.fireChannelRead(new PacketWithFds(packet, got));
    }

    private static void readMode(ChannelHandlerContext ctx, DomainSocketReadMode mode) {
        if (ctx.channel() instanceof EpollDomainSocketChannel unix) {
            unix.config().setReadMode(mode);
        }
    }

    static PassedFd passed(FileDescriptor fd) {
        return new PassedFd(fd.intValue(), fd::close);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        drop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        drop();
    }

    private void drop() {
        if (waiting != null) {
            waiting.release();
            waiting = null;
            PassedFd.closeAll(fds);
            fds = null;
        }
    }
}
