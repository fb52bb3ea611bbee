package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Framing hands on whole packets, length word included, however the bytes arrive; a length
 * outside libvirt's limits closes the connection.
 */
class FrameDecoderTest {

    private static ByteBuf packet(int serial, int payloadBytes) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(28 + payloadBytes).writeInt(0x20008086).writeInt(1).writeInt(7).writeInt(0).writeInt(serial)
                .writeInt(0).writeZero(payloadBytes);
        return b;
    }

    @Test
    void emitsWholePacketsWithTheirLengthWord() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        ByteBuf two = Unpooled.wrappedBuffer(packet(1, 0), packet(2, 12));
        ch.writeInbound(two.retainedSlice(0, 10));
        assertNull(ch.readInbound(), "nothing before a whole packet");
        ch.writeInbound(two.retainedSlice(10, two.readableBytes() - 10));
        two.release();
        ByteBuf first = ch.readInbound();
        ByteBuf second = ch.readInbound();
        assertEquals(28, first.readableBytes());
        assertEquals(28, first.getInt(0));
        assertEquals(1, first.getInt(20));
        assertEquals(40, second.readableBytes());
        assertEquals(40, second.getInt(0));
        assertEquals(2, second.getInt(20));
        first.release();
        second.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void aLengthBelowTheHeaderClosesTheConnection() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        ch.writeInbound(Unpooled.buffer().writeInt(27).writeZero(27));
        assertNull(ch.readInbound());
        assertFalse(ch.isOpen());
    }
}
