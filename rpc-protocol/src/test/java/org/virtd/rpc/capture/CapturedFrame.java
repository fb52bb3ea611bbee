package org.virtd.rpc.capture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.virtd.rpc.message.Header;

/**
 * One libvirt RPC packet cut from a capture: which connection (in order of appearance, from 1),
 * its direction, and its bytes including the length word.
 */
public record CapturedFrame(int connection, boolean fromClient, byte[] bytes) {

    public Header header() {
        return Header.peek(Unpooled.wrappedBuffer(bytes), 4);
    }

    /** The payload after the 28 bytes of length word and header. */
    public ByteBuf payload() {
        return Unpooled.wrappedBuffer(bytes, 28, bytes.length - 28);
    }

    @Override
    public String toString() {
        return "c" + connection + (fromClient ? " C>S " : " S>C ") + header();
    }
}
