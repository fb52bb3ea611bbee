package org.virtd.core.config;

import java.util.List;
import java.util.Optional;

/**
 * Every setting of a modular daemon's {@code .conf} (libvirt's daemonConfig, daemons.md §6), with
 * libvirt 9.0's defaults filled in. Socket permission strings stay strings: libvirt only parses
 * them when it creates the sockets (and then fails with status 6), see {@link SocketModes}.
 * {@link #origin()} is the parsed file, kept so later checks can name file, line and key.
 */
public record DaemonConfig(UnixSockets unixSockets, Auth auth, Network network, ServerSettings main,
                           ServerSettings admin, Logging logging, Audit audit, Optional<String> hostUuid,
                           String hostUuidSource, long ovsTimeout, ConfFile origin) {

    /** unix_sock_group, unix_sock_{ro,rw,admin}_perms (octal strings), unix_sock_dir. */
    public record UnixSockets(Optional<String> group, String roPerms, String rwPerms, String adminPerms,
                              Optional<String> dir) {
    }

    /** auth_unix_ro/rw, auth_tcp/tls, tcp_min_ssf, access_drivers, sasl_allowed_username_list. */
    public record Auth(String unixRo, String unixRw, String tcp, String tls, long tcpMinSsf,
                       List<String> accessDrivers, Optional<List<String>> saslAllowedUsernames) {
    }

    /** The TCP/TLS settings; only IP-capable daemons (virtproxyd) use them. */
    public record Network(boolean listenTls, boolean listenTcp, String tlsPort, String tcpPort,
                          Optional<String> listenAddr, Optional<String> keyFile, Optional<String> certFile,
                          Optional<String> caFile, Optional<String> crlFile, boolean tlsNoSanityCertificate,
                          boolean tlsNoVerifyCertificate, Optional<List<String>> tlsAllowedDnList,
                          Optional<String> tlsPriority) {
    }

    /** log_level (0 = built-in default), log_filters, log_outputs in libvirt syntax (§8). */
    public record Logging(int level, Optional<String> filters, Optional<String> outputs) {
    }

    /** audit_level (0 off, 1 if available, 2 required) and audit_logging. */
    public record Audit(int level, boolean logging) {
    }

    /** The configuration of a daemon run without any file. */
    public static DaemonConfig defaults(String source) {
        try {
            return DaemonConfigReader.read(ConfFile.empty(source));
        } catch (ConfigException e) {
            throw new IllegalStateException("defaults must be valid", e);
        }
    }
}
