package org.virtd.vbox.driver;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Which URIs the vbox driver serves (vbox-driver.md §1): scheme {@code vbox} without a host;
 * {@code /system} for a root daemon, {@code /session} otherwise, any other path refused with
 * libvirt's "unexpected vbox URI path" naming the one to try. An empty name asks us to probe.
 */
final class VBoxUris {
    private VBoxUris() {
    }

    static boolean accepts(String name) {
        if (name == null || name.isEmpty()) {
            return true;
        }
        try {
            URI u = new URI(name);
            return "vbox".equalsIgnoreCase(u.getScheme()) && (u.getHost() == null || u.getHost().isEmpty());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The canonical URI for this connection, or libvirt's error for a path of the wrong privilege. */
    static String canonical(String name, boolean privileged) throws VirtException {
        String own = privileged ? "vbox:///system" : "vbox:///session";
        if (name == null || name.isEmpty()) {
            return own;
        }
        String path;
        try {
            path = new URI(name).getPath();
        } catch (URISyntaxException e) {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, name);
        }
        if ((privileged ? "/system" : "/session").equals(path)) {
            return own;
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.VBOX,
                "unexpected vbox URI path '" + path + "', try " + own);
    }
}
