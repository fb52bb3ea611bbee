package org.virtd.core.transport;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * One listening socket: a unix socket the daemon creates itself (path, octal mode, optional group
 * id), a TCP socket it binds itself (address), or one inherited from systemd (an fd number, never
 * chmod'ed or unlinked). A {@link Role#TLS} socket carries the {@link TlsContext} its clients
 * must pass; without one it is never opened.
 *
 * @param role        which server and access level the socket gives
 * @param path        socket file to create; null for a TCP or inherited socket
 * @param mode        permission bits for a created socket, e.g. 0700
 * @param gid         group to chown a created socket to, or -1
 * @param inheritedFd fd from LISTEN_FDS, or -1
 * @param address     TCP address to bind, or null
 * @param tls         the TLS context of a TLS socket, else null
 */
public record ListenerSpec(Role role, Path path, int mode, int gid, int inheritedFd, InetSocketAddress address,
                           TlsContext tls) {

    public enum Role {
        /** Main server, read-write. */
        RW,
        /** Main server, every client forced read-only. */
        RO,
        /** Admin server. */
        ADMIN,
        /** Main server over TCP (virtproxyd only). */
        TCP,
        /** Main server over TLS (virtproxyd only). */
        TLS;

        public boolean ip() {
            return this == TCP || this == TLS;
        }
    }

    public static ListenerSpec unix(Role role, Path path, int mode, int gid) {
        return new ListenerSpec(role, path, mode, gid, -1, null, null);
    }

    public static ListenerSpec inherited(Role role, int fd) {
        return new ListenerSpec(role, null, -1, -1, fd, null, null);
    }

    /** A TCP or TLS socket bound by the daemon on {@code address}. */
    public static ListenerSpec ip(Role role, InetSocketAddress address) {
        return new ListenerSpec(role, null, -1, -1, -1, address, null);
    }

    /** This socket with its TLS context. */
    public ListenerSpec withTls(TlsContext context) {
        return new ListenerSpec(role, path, mode, gid, inheritedFd, address, context);
    }

    public boolean isInherited() {
        return inheritedFd >= 0;
    }
}
