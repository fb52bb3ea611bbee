package org.virtd.core.driver;

import java.nio.ByteBuffer;

/**
 * The daemon side of one RPC stream (console, screenshot, upload). The driver pushes data the
 * client should receive and gets what the client sends through a {@link Sink}. Thread-safe:
 * {@link #send} may be called from any thread but the connection's event loop.
 */
public interface StreamChannel {

    /**
     * Queues bytes for the client (STREAM, CONTINUE). Flow control: while the client reads more
     * slowly than the driver produces, this waits until its queue drains, so the producer (a
     * console reader, say) stops reading its source instead of the daemon buffering without
     * bound. Returns false once the stream is closed, waiting or not.
     */
    boolean send(ByteBuffer data);

    /** Ends the stream from our side: EOF (empty CONTINUE), or an error packet. */
    void finish(org.virtd.rpc.error.VirtError errorOrNull);

    /** Installs the consumer of client data; replaces any earlier one. */
    void onReceive(Sink sink);

    /** What the driver does with client traffic on the stream. */
    interface Sink {
        /** Data from the client; the buffer is only valid during the call. */
        void data(ByteBuffer data);

        /** The client finished (STREAM OK) or aborted (STREAM ERROR); release resources. */
        void closed(boolean aborted);
    }
}
