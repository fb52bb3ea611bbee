package org.virtd.units.template;

import java.util.Objects;

/**
 * The install-time values substituted into templates that do not depend on the daemon
 * (spec/systemd-units.md §2): {@code runstatedir}, {@code sbindir}, {@code sysconfdir},
 * {@code initconfdir} and the main socket's {@code sockmode}. The default sockmode is 0600: libvirt
 * uses 0666 only when polkit guards the read-write socket, and we do not implement polkit.
 */
public record InstallPaths(String runstatedir, String sbindir, String sysconfdir, String initconfdir,
                           String sockmode) {

    public InstallPaths {
        requireAbsolute("runstatedir", runstatedir);
        requireAbsolute("sbindir", sbindir);
        requireAbsolute("sysconfdir", sysconfdir);
        requireAbsolute("initconfdir", initconfdir);
        Objects.requireNonNull(sockmode, "sockmode");
        if (!sockmode.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("sockmode must be an octal mode such as 0600, got '" + sockmode + "'");
        }
    }

    /** Debian's system paths: /run, /usr/sbin, /etc, /etc/default, mode 0600. */
    public static InstallPaths defaults() {
        return new InstallPaths("/run", "/usr/sbin", "/etc", "/etc/default", "0600");
    }

    private static void requireAbsolute(String what, String path) {
        Objects.requireNonNull(path, what);
        if (!path.startsWith("/") || path.chars().anyMatch(c -> Character.isWhitespace(c) || c == '@' || c == '%')) {
            throw new IllegalArgumentException(what + " must be an absolute path without blanks, '@' or '%', got '"
                    + path + "'");
        }
    }
}
