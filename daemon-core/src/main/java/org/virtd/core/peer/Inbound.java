package org.virtd.core.peer;

import io.netty.buffer.ByteBuf;

/**
 * What the transport tells one accepted client's server side, always on the connection's event
 * loop (MINA's IoHandler shape, cut to what libvirt's client needs).
 */
public interface Inbound {

    /**
     * One whole packet, length word included, as a slice of what was read (no copy). The
     * receiver owns it and releases it.
     */
    void frame(ByteBuf packet);

    /**
     * A packet announced as carrying descriptors (CALL_WITH_FDS, REPLY_WITH_FDS) with those that
     * followed it; the receiver owns and closes them. Packets keep their order with {@link #frame}.
     */
    default void frame(ByteBuf packet, java.util.List<org.virtd.core.driver.PassedFd> fds) {
        org.virtd.core.driver.PassedFd.closeAll(fds);
        frame(packet);
    }

    /** The send queue crossed a water mark: false above the high one, true again below the low one. */
    void writabilityChanged(boolean writable);

    /** The connection is gone. */
    void disconnected();
}
