package org.virtd.core.peer;

/** Where a listener hands each new connection: the server it belongs to. */
@FunctionalInterface
public interface Acceptor {

    /** A client connected; null refuses it (over {@code max_clients}) and the transport closes it. */
    Inbound accept(Peer peer, boolean readOnly);
}
