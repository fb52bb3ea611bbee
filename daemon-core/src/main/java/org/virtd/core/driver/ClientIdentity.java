package org.virtd.core.driver;

/**
 * Who is on the other end of a connection: the SO_PEERCRED credentials of a unix socket peer
 * (uid, gid, pid), or -1s for TCP. virtproxyd may later replace it with CONNECT_SET_IDENTITY.
 */
public record ClientIdentity(long uid, long gid, long pid) {

    public static final ClientIdentity UNKNOWN = new ClientIdentity(-1, -1, -1);
}
