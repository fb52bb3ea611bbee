package org.virtd.core.server;

import io.netty.buffer.ByteBuf;
import org.virtd.rpc.message.Header;

/**
 * One received packet after framing: its decoded header and the payload as a slice that the
 * receiver must release. The length word has already been checked and dropped.
 */
public record Frame(Header header, ByteBuf payload) {

    /** Splits a framed buffer (header + payload) without copying; takes ownership of it. */
    public static Frame of(ByteBuf headerAndPayload) {
        Header header = Header.decode(headerAndPayload);
        return new Frame(header, headerAndPayload);
    }

    public void release() {
        payload.release();
    }
}
