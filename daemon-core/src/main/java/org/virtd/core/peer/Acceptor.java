package org.virtd.core.peer;

/**
 * Where a listener hands each new connection: the server it belongs to. A TLS client holds a
 * client slot from the moment it connects, as libvirt counts it, but becomes a session only once
 * its certificate is verified: a crowd of clients that never finish the handshake cannot go past
 * {@code max_clients}.
 */
public interface Acceptor {

    /** A client connected; null refuses it (over {@code max_clients}) and the transport closes it. */
    Inbound accept(Peer peer, boolean readOnly);

    /** A TLS client connected and starts its handshake: false refuses it (over {@code max_clients}). */
    default boolean hold() {
        return true;
    }

    /** A held client left or failed its handshake: its slot is free again. */
    default void release() {
    }

    /** A held client passed its handshake: it becomes a session in the slot it holds. */
    default Inbound acceptHeld(Peer peer, boolean readOnly) {
        release();
        return accept(peer, readOnly);
    }
}
