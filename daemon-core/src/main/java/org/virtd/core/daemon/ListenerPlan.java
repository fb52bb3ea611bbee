package org.virtd.core.daemon;

import org.virtd.core.activation.ActivationFds;
import org.virtd.core.activation.NamedFd;
import org.virtd.core.activation.Posix;
import org.virtd.core.config.ConfigException;
import org.virtd.core.config.DaemonConfig;
import org.virtd.core.config.SocketModes;
import org.virtd.core.transport.ListenerSpec;
import org.virtd.core.transport.ListenerSpec.Role;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Decides the listening sockets (libvirt's daemonSetupNetworking, daemons.md §2, §11): with socket
 * activation, the fds named {@code <daemon>.socket}, {@code -ro}, {@code -admin} (and {@code -tcp},
 * {@code -tls} for IP daemons) for the roles this daemon has, no fallback for a missing name, and
 * any unclaimed fd an error; otherwise the daemon's own unix sockets with modes and group from the
 * config. Every failure here is exit status 6.
 */
final class ListenerPlan {

    private ListenerPlan() {
    }

    /** Own sockets: rw always, ro and admin when the layout has them. */
    static List<ListenerSpec> ownSockets(DaemonPaths.SocketPaths socks, DaemonConfig config,
                                         ToIntFunction<String> groupLookup) throws ConfigException {
        int gid = group(config, groupLookup);
        List<ListenerSpec> specs = new ArrayList<>();
        specs.add(ListenerSpec.unix(Role.RW, socks.rw(), SocketModes.rw(config), gid));
        if (socks.ro() != null) {
            specs.add(ListenerSpec.unix(Role.RO, socks.ro(), SocketModes.ro(config), gid));
        }
        if (socks.admin() != null) {
            specs.add(ListenerSpec.unix(Role.ADMIN, socks.admin(), SocketModes.admin(config), gid));
        }
        return List.copyOf(specs);
    }

    /** Activated sockets for the roles this daemon has; unclaimed names are refused. */
    static List<ListenerSpec> activated(DaemonIdentity id, DaemonPaths.SocketPaths socks, ActivationFds fds,
                                        DaemonConfig config) throws ConfigException {
        SocketModes.rw(config);
        SocketModes.ro(config);
        SocketModes.admin(config);
        List<String> claimed = new ArrayList<>();
        List<ListenerSpec> specs = new ArrayList<>();
        claim(specs, claimed, fds, id.unitName(""), Role.RW, socks.rw());
        claim(specs, claimed, fds, id.unitName("-ro"), Role.RO, socks.ro());
        claim(specs, claimed, fds, id.unitName("-admin"), Role.ADMIN, socks.admin());
        if (id.ipCapable()) {
            claim(specs, claimed, fds, id.unitName("-tcp"), Role.TCP, Path.of("/"));
            claim(specs, claimed, fds, id.unitName("-tls"), Role.TLS, Path.of("/"));
        }
        List<NamedFd> left = fds.unclaimed(claimed);
        if (!left.isEmpty()) {
            throw new ConfigException("Some activation file descriptors are unclaimed", SocketModes.NETWORK_FAILURE);
        }
        return List.copyOf(specs);
    }

    private static void claim(List<ListenerSpec> specs, List<String> claimed, ActivationFds fds, String name,
                              Role role, Path roleExists) {
        if (roleExists == null) {
            return;
        }
        claimed.add(name);
        for (int fd : fds.named(name)) {
            specs.add(ListenerSpec.inherited(role, fd));
        }
    }

    private static int group(DaemonConfig config, ToIntFunction<String> groupLookup) throws ConfigException {
        if (config.unixSockets().group().isEmpty()) {
            return -1;
        }
        String name = config.unixSockets().group().get();
        int gid = name.matches("\\+?\\d{1,9}") ? Integer.parseInt(name.replace("+", "")) : groupLookup.applyAsInt(name);
        if (name.isEmpty() || gid < 0) {
            throw new ConfigException(config.origin().where("unix_sock_group")
                    + ": unix_sock_group: Failed to parse group '" + name + "'", SocketModes.NETWORK_FAILURE);
        }
        return gid;
    }

    /** The real group lookup (getgrnam). */
    static int lookupGroup(String name) {
        return name.isEmpty() ? -1 : Posix.groupId(name);
    }
}
