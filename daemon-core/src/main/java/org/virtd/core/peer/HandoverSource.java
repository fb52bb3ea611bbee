package org.virtd.core.peer;

/**
 * A client connection the proxy has stopped reading, ready to be handed to a daemon: its socket
 * descriptor (still owned by the proxy's channel until that closes) and the bytes read from it
 * but not yet cut into a packet.
 */
public record HandoverSource(int fd, byte[] unread) {
}
