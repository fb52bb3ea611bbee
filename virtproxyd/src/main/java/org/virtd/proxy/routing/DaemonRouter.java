package org.virtd.proxy.routing;

import org.virtd.core.forward.Router;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * libvirt's rules for where virtproxyd sends a client (client-handshake.md §6): the daemon is
 * {@code virt} + the URI's scheme + {@code d}, its socket is in the proxy's own run directory (the
 * {@code -sock-ro} one for a read-only client of a system daemon), and an empty URI is probed
 * against the hypervisor daemons' sockets in libvirt's order.
 */
public final class DaemonRouter implements Router {
    /** Schemes served by a modular daemon of that name; anything else has no driver here. */
    private static final Set<String> SCHEMES = Set.of("qemu", "vbox", "lxc", "xen", "ch", "bhyve", "vz", "network",
            "storage", "nodedev", "secret", "nwfilter", "interface");
    private static final List<String> PROBE_SYSTEM = List.of("xen", "qemu", "lxc", "vbox", "bhyve", "vz");
    private static final List<String> PROBE_SESSION = List.of("qemu", "vbox");

    private final Path runDir;
    private final boolean privileged;

    public DaemonRouter(Path runDir, boolean privileged) {
        this.runDir = runDir;
        this.privileged = privileged;
    }

    @Override
    public Route route(String name, boolean readOnly) throws VirtException {
        if (name.isEmpty()) {
            return probe(readOnly);
        }
        String scheme = scheme(name);
        if (scheme == null || !SCHEMES.contains(scheme) || hasHost(name)) {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, name);
        }
        return new Route(socket(scheme, readOnly), name);
    }

    private Route probe(boolean readOnly) throws VirtException {
        for (String driver : privileged ? PROBE_SYSTEM : PROBE_SESSION) {
            Path s = socket(driver, readOnly);
            if (Files.exists(s)) {
                return new Route(s, driver + (privileged ? ":///system" : ":///session"));
            }
        }
        throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, null);
    }

    /** A session daemon has no read-only socket: read-only rides on the open flags there. */
    private Path socket(String driver, boolean readOnly) {
        return runDir.resolve("virt" + driver + "d-sock" + (readOnly && privileged ? "-ro" : ""));
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String scheme = uri.substring(0, colon);
        return scheme.contains("+") ? null : scheme;
    }

    /** A URI naming a host asks for a remote daemon; the proxy only reaches its own host's. */
    private static boolean hasHost(String uri) {
        int start = uri.indexOf("://");
        return start >= 0 && start + 3 < uri.length() && uri.charAt(start + 3) != '/';
    }
}
