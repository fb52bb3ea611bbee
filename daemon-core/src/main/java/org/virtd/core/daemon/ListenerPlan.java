package org.virtd.core.daemon;

import org.virtd.core.activation.ActivationFds;
import org.virtd.core.activation.NamedFd;
import org.virtd.core.activation.Posix;
import org.virtd.core.config.ConfigException;
import org.virtd.core.config.DaemonConfig;
import org.virtd.core.config.SocketModes;
import org.virtd.core.transport.ListenerSpec;
import org.virtd.core.transport.ListenerSpec.Role;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Decides the listening sockets (libvirt's daemonSetupNetworking, daemons.md §2, §11): with socket
 * activation, the fds named {@code <daemon>.socket}, {@code -ro}, {@code -admin} (and {@code -tcp},
 * {@code -tls} for IP daemons) for the roles this daemon has, no fallback for a missing name, and
 * any unclaimed fd an error; otherwise the daemon's own unix sockets with modes and group from the
 * config, and for IP daemons the TCP/TLS sockets {@code listen_tcp}/{@code listen_tls} ask for
 * (with activation those come only from {@code -tcp}/{@code -tls} fds and the config's
 * {@code listen_*} are ignored, as libvirt does). Every failure here is exit status 6.
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

    /**
     * The daemon's own TCP ({@code tcp_port}) and TLS ({@code tls_port}) sockets when the config
     * enables them, on {@code listen_addr} (every address it resolves to) or, unset, on the
     * wildcard address, which is IPv6 {@code ::} accepting IPv4 too where the host has IPv6.
     */
    static List<ListenerSpec> ipSockets(DaemonIdentity id, DaemonConfig.Network net) throws ConfigException {
        List<ListenerSpec> specs = new ArrayList<>();
        if (!id.ipCapable()) {
            return specs;
        }
        if (net.listenTcp()) {
            for (InetSocketAddress a : addresses(net.listenAddr().orElse(null), net.tcpPort())) {
                specs.add(ListenerSpec.ip(Role.TCP, a));
            }
        }
        if (net.listenTls()) {
            for (InetSocketAddress a : addresses(net.listenAddr().orElse(null), net.tlsPort())) {
                specs.add(ListenerSpec.ip(Role.TLS, a));
            }
        }
        return List.copyOf(specs);
    }

    static List<InetSocketAddress> addresses(String listenAddr, String service) throws ConfigException {
        int port = port(listenAddr, service);
        if (listenAddr == null || listenAddr.isEmpty()) {
            return List.of(new InetSocketAddress(port));
        }
        try {
            Set<InetSocketAddress> out = new LinkedHashSet<>();
            for (InetAddress a : InetAddress.getAllByName(listenAddr)) {
                out.add(new InetSocketAddress(a, port));
            }
            return List.copyOf(out);
        } catch (UnknownHostException e) {
            throw new ConfigException("Unable to resolve address '" + listenAddr + "' service '" + service
                    + "': Name or service not known", SocketModes.NETWORK_FAILURE);
        }
    }

    /** A port number or a TCP service name from /etc/services, as getaddrinfo takes it. */
    static int port(String listenAddr, String service) throws ConfigException {
        if (service.matches("\\d{1,5}") && Integer.parseInt(service) <= 65535) {
            return Integer.parseInt(service);
        }
        try {
            for (String line : Files.readAllLines(Path.of("/etc/services"))) {
                String[] f = line.replaceAll("#.*", "").trim().split("\\s+");
                if (f.length >= 2 && f[1].endsWith("/tcp")) {
                    for (int i = 0; i < f.length; i++) {
                        if ((i == 0 || i >= 2) && f[i].equals(service)) {
                            return Integer.parseInt(f[1].substring(0, f[1].indexOf('/')));
                        }
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the resolver's error
        }
        throw new ConfigException("Unable to resolve address '" + (listenAddr == null ? "(null)" : listenAddr)
                + "' service '" + service + "': Servname not supported for ai_socktype", SocketModes.NETWORK_FAILURE);
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
