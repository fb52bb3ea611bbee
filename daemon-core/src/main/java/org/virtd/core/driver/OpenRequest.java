package org.virtd.core.driver;

/**
 * What a client asked for in CONNECT_OPEN: the URI (null or empty to probe), the flags as sent
 * (only bit 0, read-only, is interpreted) and who is asking.
 */
public record OpenRequest(String uri, int flags, boolean readOnly, ClientIdentity identity) {
}
