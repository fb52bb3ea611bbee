package org.virtd.core.server;

import io.netty.buffer.ByteBuf;

/**
 * What a server does with its clients' packets: the {@link Dispatcher} decodes calls and runs
 * handlers (driver daemons, the admin server); a forwarder splices them to another daemon
 * unread (virtproxyd). Chosen per server, so per listener.
 */
public interface FrameHandler {

    /**
     * One whole packet, length word included, on the client's event loop. The handler owns the
     * buffer: it releases it or passes it on.
     */
    void frame(Session session, ByteBuf packet);

    /** The client's send queue crossed a water mark (false: over the high one). */
    default void writabilityChanged(Session session, boolean writable) {
    }

    /** Returns once this can serve packets; throws what failed to set it up. */
    default void awaitReady() {
    }

    /** The client is gone; drop whatever was kept for it. */
    default void disconnected(Session session) {
    }
}
