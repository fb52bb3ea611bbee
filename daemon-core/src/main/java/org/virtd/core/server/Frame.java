package org.virtd.core.server;

import io.netty.buffer.ByteBuf;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.Limits;

/**
 * One received packet after framing: its decoded header and the payload as a slice that the
 * receiver must release. The transport has already checked the length word.
 */
public record Frame(Header header, ByteBuf payload) {

    /** Splits a whole packet (length word, header, payload) without copying; takes ownership of it. */
    public static Frame of(ByteBuf packet) {
        packet.skipBytes(Limits.LEN_SIZE);
        return new Frame(Header.decode(packet), packet);
    }

    public void release() {
        payload.release();
    }
}
