package org.virtd.core.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.config.ConfigException;
import org.virtd.core.config.DaemonConfig;
import org.virtd.core.config.SocketModes;
import org.virtd.core.transport.ListenerSpec;
import org.virtd.core.transport.ListenerSpec.Role;
import org.virtd.core.transport.TlsContext;
import org.virtd.core.transport.TlsException;

import java.util.ArrayList;
import java.util.List;

/**
 * What a TCP or TLS socket may serve, decided before any is opened (issue 11's auth rules):
 * <ul>
 * <li>TCP without TLS only with {@code auth_tcp = "none"} (which can only come from the config:
 *     libvirt's default is sasl), and then with a warning: it is unauthenticated and unencrypted;</li>
 * <li>{@code auth_tcp} or {@code auth_tls} set to sasl (or polkit, which libvirt only honours on
 *     unix sockets) refuses to start: SASL is not available here;</li>
 * <li>every TLS socket gets a {@link TlsContext} loaded from usable certificate files, or the
 *     daemon refuses to start naming the missing file. A TLS socket never serves plain RPC.</li>
 * </ul>
 * Failures are libvirt's network set-up failure, exit status 6.
 */
final class AuthRules {
    private static final Logger LOG = LoggerFactory.getLogger(AuthRules.class);

    private AuthRules() {
    }

    /** The specs with TLS contexts attached; unix sockets pass unchanged. */
    static List<ListenerSpec> apply(List<ListenerSpec> specs, DaemonConfig config, DaemonPaths paths)
            throws ConfigException {
        boolean tcp = specs.stream().anyMatch(s -> s.role() == Role.TCP);
        boolean tls = specs.stream().anyMatch(s -> s.role() == Role.TLS);
        if (tcp) {
            checkTcp(config);
        }
        if (!tls) {
            return specs;
        }
        checkMethod(config, "auth_tls", config.auth().tls());
        TlsContext context = loadTls(config, paths);
        List<ListenerSpec> out = new ArrayList<>();
        for (ListenerSpec s : specs) {
            out.add(s.role() == Role.TLS ? s.withTls(context) : s);
        }
        return List.copyOf(out);
    }

    static void checkTcp(DaemonConfig config) throws ConfigException {
        checkMethod(config, "auth_tcp", config.auth().tcp());
        LOG.warn("{}: auth_tcp = \"none\": the TCP socket serves clients with no authentication and no "
                + "encryption; use it only on a trusted network", config.origin().where("auth_tcp"));
    }

    private static void checkMethod(DaemonConfig config, String key, String method) throws ConfigException {
        String where = config.origin().where(key);
        boolean explicit = config.origin().entry(key).isPresent();
        switch (method) {
            case "none":
                return;
            case "sasl":
                throw new ConfigException("unsupported configuration: " + where + ": " + key + " = \"sasl\""
                        + (explicit ? "" : " (libvirt's default for TCP)")
                        + ": SASL authentication is not available in this daemon; set " + key + " = \"none\""
                        + (key.equals("auth_tcp") ? " to serve unauthenticated TCP, or use TLS (listen_tls)" : ""),
                        SocketModes.NETWORK_FAILURE);
            default:
                throw new ConfigException("unsupported configuration: " + where + ": " + key + " = \"" + method
                        + "\": only \"none\" is available on TCP and TLS sockets", SocketModes.NETWORK_FAILURE);
        }
    }

    private static TlsContext loadTls(DaemonConfig config, DaemonPaths paths) throws ConfigException {
        try {
            TlsContext context = TlsContext.load(TlsFiles.settings(config.network(), paths));
            if (!context.ignoredPriorityItems().isEmpty()) {
                LOG.warn("{}: tls_priority: the JDK's TLS cannot honour {}; only protocol versions are applied",
                        config.origin().where("tls_priority"), context.ignoredPriorityItems());
            }
            if (!context.settings().verifyPeer()) {
                LOG.warn("tls_no_verify_certificate = 1: TLS clients are accepted without checking their certificate");
            }
            return context;
        } catch (TlsException e) {
            throw new ConfigException("Unable to set up TLS: " + e.getMessage(), SocketModes.NETWORK_FAILURE);
        }
    }
}
