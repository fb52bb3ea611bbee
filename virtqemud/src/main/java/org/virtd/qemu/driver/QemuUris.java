package org.virtd.qemu.driver;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Which URIs the QEMU driver serves (client-handshake.md §7): scheme {@code qemu} without a
 * host; a system daemon takes {@code /system} (and {@code /session}, as libvirt tolerates for
 * root), a session daemon only {@code /session}. An empty name asks us to probe.
 */
final class QemuUris {
    private QemuUris() {
    }

    static boolean accepts(String name) {
        if (name == null || name.isEmpty()) {
            return true;
        }
        try {
            URI u = new URI(name);
            return "qemu".equalsIgnoreCase(u.getScheme()) && (u.getHost() == null || u.getHost().isEmpty());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The canonical URI for this connection, or the error libvirt gives for a wrong path. */
    static String canonical(String name, boolean privileged) throws VirtException {
        String own = privileged ? "qemu:///system" : "qemu:///session";
        if (name == null || name.isEmpty()) {
            return own;
        }
        String path;
        try {
            path = new URI(name).getPath();
        } catch (URISyntaxException e) {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, name);
        }
        if (privileged && ("/system".equals(path) || "/session".equals(path))) {
            return "qemu://" + path;
        }
        if (!privileged && "/session".equals(path)) {
            return own;
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                "unexpected qemu URI path '" + path + "', try " + own);
    }
}
