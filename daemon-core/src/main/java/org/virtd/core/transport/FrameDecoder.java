package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.rpc.message.Limits;

import java.util.List;

/**
 * Cuts the byte stream into packets (wire-protocol.md §1). The length word is checked before
 * anything is buffered for it: shorter than a header or longer than libvirt's message limit
 * means the peer is broken, and only that connection is closed. Emits each whole packet, length
 * word included, as a retained slice of the cumulation: nothing is copied, and a forwarder can
 * pass it on as it came.
 *
 * <pre>
 *  +--------+---------------------- len - 4 bytes --------------------+
 *  |  len   |  header (24)  |  payload                                 |
 *  +--------+---------------------------------------------------------+
 *  \_______________________ emitted slice ____________________________/
 * </pre>
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= Limits.LEN_SIZE) {
            long len = in.getUnsignedInt(in.readerIndex());
            if (len < Limits.PACKET_MIN || len - Limits.LEN_SIZE > Limits.MESSAGE_MAX) {
                failOnLength(ctx, in, len);
                return;
            }
            if (in.readableBytes() < len) {
                return;
            }
            out.add(in.readRetainedSlice((int) len));
        }
    }

    /**
     * How many bytes finish the packet being read: the rest of its length word and header while
     * its length is unknown (every packet has them), else the rest of the packet.
     */
    int bytesToPacketEnd() {
        ByteBuf in = internalBuffer();
        int have = in.readableBytes();
        if (have < Limits.LEN_SIZE) {
            return Limits.PACKET_MIN - have;
        }
        long len = in.getUnsignedInt(in.readerIndex());
        return (int) Math.max(Math.min(len - have, Integer.MAX_VALUE), 0);
    }

    /** A copy of what has been read but is not a whole packet yet (a handover passes it on). */
    byte[] unread() {
        ByteBuf in = internalBuffer();
        byte[] out = new byte[in.readableBytes()];
        in.getBytes(in.readerIndex(), out);
        return out;
    }

    private static void failOnLength(ChannelHandlerContext ctx, ByteBuf in, long len) {
        LOG.debug("closing {}: packet length {} outside {}..{}", ctx.channel(), len, Limits.PACKET_MIN,
                Limits.MESSAGE_MAX + Limits.LEN_SIZE);
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
