package org.virtd.rpc.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * Builds whole packets: a placeholder length word, the header, the body, then the length
 * patched in (libvirt's virnetmessage.c does the same), so nothing is encoded twice.
 */
public final class Packets {
    private Packets() {
    }

    /** Encodes one packet into a fresh buffer from {@code alloc}. */
    public static <T> ByteBuf encode(ByteBufAllocator alloc, Header header, XdrCodec<T> codec, T body) {
        ByteBuf out = alloc.ioBuffer(256);
        try {
            encode(out, header, codec, body);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** Appends one packet to {@code out}. */
    public static <T> void encode(ByteBuf out, Header header, XdrCodec<T> codec, T body) {
        int start = out.writerIndex();
        out.writeInt(0);
        header.encode(out);
        try {
            codec.encode(out, body);
        } catch (RuntimeException e) {
            out.writerIndex(start); // no half packet is left behind in a shared buffer
            throw e;
        }
        int len = out.writerIndex() - start;
        if (len - Limits.LEN_SIZE > Limits.MESSAGE_MAX) {
            out.writerIndex(start);
            throw new IllegalArgumentException("packet of " + len + " bytes exceeds the message limit");
        }
        out.setInt(start, len);
    }

    /** Appends a packet whose body is raw bytes (stream data). */
    public static void encodeRaw(ByteBuf out, Header header, ByteBuf data) {
        out.writeInt(Limits.PACKET_MIN + data.readableBytes());
        header.encode(out);
        out.writeBytes(data, data.readerIndex(), data.readableBytes());
    }
}
