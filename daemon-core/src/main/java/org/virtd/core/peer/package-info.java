/**
 * A connected client as the layers on either side of the server see it, with no Netty in sight:
 * {@link org.virtd.core.peer.Peer} is what the transport offers (write, close, pause reading),
 * {@link org.virtd.core.peer.Inbound} and {@link org.virtd.core.peer.Acceptor} are what it
 * calls, and {@link org.virtd.core.peer.Outbound} is the narrow way keepalive, streams and events
 * write to a client without knowing the session behind it.
 */
package org.virtd.core.peer;
