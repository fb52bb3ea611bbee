package org.virtd.core.transport;

import java.nio.file.Path;

/**
 * One listening socket: either a unix socket the daemon creates itself (path, octal mode,
 * optional group id) or one inherited from systemd (an fd number, never chmod'ed or unlinked).
 *
 * @param role        which server and access level the socket gives
 * @param path        socket file to create; null for an inherited fd
 * @param mode        permission bits for a created socket, e.g. 0700
 * @param gid         group to chown a created socket to, or -1
 * @param inheritedFd fd from LISTEN_FDS, or -1
 */
public record ListenerSpec(Role role, Path path, int mode, int gid, int inheritedFd) {

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
        TLS
    }

    public static ListenerSpec unix(Role role, Path path, int mode, int gid) {
        return new ListenerSpec(role, path, mode, gid, -1);
    }

    public static ListenerSpec inherited(Role role, int fd) {
        return new ListenerSpec(role, null, -1, -1, fd);
    }

    public boolean isInherited() {
        return inheritedFd >= 0;
    }
}
