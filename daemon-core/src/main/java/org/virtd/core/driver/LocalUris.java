package org.virtd.core.driver;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The URIs a local hypervisor driver serves (libvirt's URI path rules, client-handshake.md §7):
 * its scheme without a host; a system (root) daemon takes {@code /system}, a session daemon
 * {@code /session}; any other path is refused with libvirt's "unexpected ... URI path" naming the
 * one to try. An empty name asks the daemon to probe, and gets its own URI.
 *
 * @param scheme          {@code qemu}, {@code vbox}, ...
 * @param domain          the error domain of the refusal (the driver's own, or NONE as QEMU's)
 * @param rootMaySession  whether a root daemon also accepts {@code /session} (QEMU does)
 */
public record LocalUris(String scheme, ErrorDomain domain, boolean rootMaySession) {

    /** Whether a CONNECT_OPEN with this name is this driver's. */
    public boolean accepts(String name) {
        if (name == null || name.isEmpty()) {
            return true;
        }
        try {
            URI u = new URI(name);
            return scheme.equalsIgnoreCase(u.getScheme()) && (u.getHost() == null || u.getHost().isEmpty());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The canonical URI for this connection, or libvirt's error for a path of the wrong privilege. */
    public String canonical(String name, boolean privileged) throws VirtException {
        String own = scheme + (privileged ? ":///system" : ":///session");
        if (name == null || name.isEmpty()) {
            return own;
        }
        String path;
        try {
            path = new URI(name).getPath();
        } catch (URISyntaxException e) {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, name);
        }
        if (privileged && ("/system".equals(path) || rootMaySession && "/session".equals(path))) {
            return scheme + "://" + path;
        }
        if (!privileged && "/session".equals(path)) {
            return own;
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, domain,
                "unexpected " + scheme + " URI path '" + path + "', try " + own);
    }
}
