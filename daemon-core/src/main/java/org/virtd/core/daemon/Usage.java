package org.virtd.core.daemon;

/**
 * The text of {@code --help}, laid out as libvirt's daemonUsage (daemons.md §3): options, then the
 * default paths for this user — real paths for the system layout (root or {@code VIRTD_PREFIX}),
 * the literal {@code $XDG_…} forms otherwise; the TLS block only for IP-capable daemons.
 */
public final class Usage {
    private static final String[][] OPTIONS = {
        {"-h | --help", "Display program help"},
        {"-v | --verbose", "Verbose messages"},
        {"-d | --daemon", "Run as a daemon & write PID file"},
        {"-t | --timeout <secs>", "Exit after timeout period"},
        {"-f | --config <file>", "Configuration file"},
        {"-V | --version", "Display version information"},
        {"-p | --pid-file <file>", "Change name of PID file"},
    };

    private Usage() {
    }

    public static String text(String argv0, DaemonIdentity id, DaemonPaths paths) {
        StringBuilder b = new StringBuilder("\nUsage:\n  ").append(argv0).append(" [options]\n\nOptions:\n");
        for (String[] o : OPTIONS) {
            // "  %-22s %s\n" by hand: String.format's first use costs the main thread some 10 ms
            b.append("  ").append(o[0]).append(" ".repeat(Math.max(0, 22 - o[0].length()))).append(' ')
                    .append(o[1]).append('\n');
        }
        b.append("\nlibvirt management daemon:\n\n  Default paths:\n\n");
        boolean sys = paths.systemLayout();
        DaemonPaths.SocketPaths socks = paths.sockets(null);
        b.append("    Configuration file (unless overridden by -f):\n      ")
                .append(sys ? paths.configFile().toString() : "$XDG_CONFIG_HOME/libvirt/" + id.name() + ".conf")
                .append("\n\n    Sockets:\n      ")
                .append(sys ? socks.rw().toString() : "$XDG_RUNTIME_DIR/libvirt/" + id.sockPrefix() + "-sock")
                .append('\n');
        if (sys) {
            b.append("      ").append(socks.ro()).append('\n');
        }
        b.append('\n');
        if (id.ipCapable()) {
            b.append("    TLS:\n      CA certificate: ").append(sys ? paths.caCert() : "$HOME/.pki/libvirt/cacert.pem")
                    .append("\n      Server certificate: ")
                    .append(sys ? paths.serverCert() : "$HOME/.pki/libvirt/servercert.pem")
                    .append("\n      Server private key: ")
                    .append(sys ? paths.serverKey() : "$HOME/.pki/libvirt/serverkey.pem").append("\n\n");
        }
        b.append("    PID file (unless overridden by -p):\n      ")
                .append(sys ? paths.pidFile().toString() : "$XDG_RUNTIME_DIR/libvirt/" + id.name() + ".pid")
                .append("\n\n");
        return b.toString();
    }
}
