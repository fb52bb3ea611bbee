package org.virtd.core.driver;

import org.virtd.rpc.program.Procedure;

/**
 * The client a call came from, as a driver that keeps its own event callbacks sees it (the QEMU
 * driver's monitor-event callbacks): where to send its event messages, and when it is gone.
 */
public interface ClientLink {

    /** A new callback id, from the daemon-wide counter domain event callbacks also draw from. */
    int newCallbackId();

    /** Sends an event MESSAGE of this procedure to the client; nothing once it is gone. */
    <M> void message(Procedure<M, Void> message, M body);

    boolean closed();

    /** Runs {@code action} once when the client disconnects (at once if it already has). */
    void onClose(Runnable action);
}
