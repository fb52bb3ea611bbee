package org.virtd.core.config;

import org.virtd.rpc.error.ErrnoText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a parsed virConf file into a {@link DaemonConfig}, reading each key of daemons.md §6 with
 * its libvirt type and default, then applying libvirt's load-time checks (auth names, SSF floor,
 * worker counts, UUID source). Unknown keys are ignored; the first assignment of a key wins.
 */
public final class DaemonConfigReader {
    private static final long MAX_FILE_SIZE = 10L * 1024 * 1024;
    private static final Set<String> AUTH_NAMES = Set.of("none", "sasl", "polkit");
    private static final Set<String> ACCESS_DRIVERS = Set.of("none", "polkit");

    private final ConfFile f;

    private DaemonConfigReader(ConfFile file) {
        this.f = file;
    }

    public static DaemonConfig read(ConfFile file) throws ConfigException {
        return new DaemonConfigReader(file).read();
    }

    /**
     * Reads the daemon's config file. The implicit default file may be missing (defaults apply);
     * a file named with {@code -f} must exist. Errors carry the text libvirt logs after
     * {@code Can't load config file: }.
     */
    public static DaemonConfig load(Path path, boolean mustExist) throws ConfigException {
        String source = path.toString();
        if (!mustExist && !Files.exists(path)) {
            return DaemonConfig.defaults(source);
        }
        try {
            if (Files.size(path) > MAX_FILE_SIZE) {
                throw new ConfigException("File '" + source + "' is too large");
            }
            return read(ConfParser.parse(source, Files.readString(path, StandardCharsets.ISO_8859_1)));
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new ConfigException("Failed to open file '" + source + "': " + ErrnoText.of(e));
        } catch (IOException e) {
            throw new ConfigException("Failed to read file '" + source + "': " + e.getMessage());
        }
    }

    private DaemonConfig read() throws ConfigException {
        DaemonConfig.Auth auth = authSettings();
        return new DaemonConfig(unixSockets(auth.unixRw()), auth, network(), mainServer(), adminServer(),
                new DaemonConfig.Logging(uint("log_level", 0),
                        f.string("log_filters"), f.string("log_outputs")),
                new DaemonConfig.Audit(uint("audit_level", 1), f.bool("audit_logging").orElse(false)),
                hostUuid(), hostUuidSource(), f.unsigned("ovs_timeout").orElse(5L), f);
    }

    private DaemonConfig.UnixSockets unixSockets(String authUnixRw) throws ConfigException {
        String rwDefault = "polkit".equals(authUnixRw) ? "0777" : "0700";
        return new DaemonConfig.UnixSockets(f.string("unix_sock_group"),
                f.string("unix_sock_ro_perms").orElse("0777"),
                f.string("unix_sock_rw_perms").orElse(rwDefault),
                f.string("unix_sock_admin_perms").orElse("0700"),
                f.string("unix_sock_dir"));
    }

    private DaemonConfig.Auth authSettings() throws ConfigException {
        long ssf = f.unsigned("tcp_min_ssf").orElse(56L);
        if (f.entry("tcp_min_ssf").isPresent() && ssf < 112) {
            throw f.invalid("tcp_min_ssf", "minimum SSF levels lower than 112 are not supported", 1);
        }
        List<String> access = f.stringList("access_drivers").orElse(List.of("none"));
        for (String name : access) {
            if (!ACCESS_DRIVERS.contains(name)) {
                throw f.invalid("access_drivers", "Cannot find security driver '" + name + "'", 1);
            }
        }
        return new DaemonConfig.Auth(authName("auth_unix_ro"), authName("auth_unix_rw"),
                authName("auth_tcp", "sasl"), authName("auth_tls"), ssf, access,
                f.stringList("sasl_allowed_username_list"));
    }

    private String authName(String key) throws ConfigException {
        return authName(key, "none");
    }

    private String authName(String key, String dflt) throws ConfigException {
        String value = f.string(key).orElse(dflt);
        if (!AUTH_NAMES.contains(value)) {
            throw new ConfigException("unsupported configuration: " + f.where(key) + ": " + key
                    + ": unsupported auth " + value);
        }
        return value;
    }

    private DaemonConfig.Network network() throws ConfigException {
        return new DaemonConfig.Network(f.bool("listen_tls").orElse(false), f.bool("listen_tcp").orElse(false),
                f.string("tls_port").orElse("16514"), f.string("tcp_port").orElse("16509"),
                f.string("listen_addr"), f.string("key_file"), f.string("cert_file"), f.string("ca_file"),
                f.string("crl_file"), f.bool("tls_no_sanity_certificate").orElse(false),
                f.bool("tls_no_verify_certificate").orElse(false), f.stringList("tls_allowed_dn_list"),
                f.string("tls_priority"));
    }

    private ServerSettings mainServer() throws ConfigException {
        ServerSettings d = ServerSettings.MAIN_DEFAULTS;
        int maxWorkers = uint("max_workers", d.maxWorkers());
        if (maxWorkers == 0) {
            throw f.invalid("max_workers", "'max_workers' must be greater than 0", 1);
        }
        return new ServerSettings(uint("max_clients", d.maxClients()),
                uint("max_anonymous_clients", d.maxAnonymousClients()),
                uint("max_queued_clients", d.maxQueuedClients()), uint("min_workers", d.minWorkers()),
                maxWorkers, uint("prio_workers", d.prioWorkers()),
                uint("max_client_requests", d.maxClientRequests()),
                f.signed("keepalive_interval").orElse(d.keepaliveInterval()),
                uint("keepalive_count", d.keepaliveCount()), sendLowWater(""), sendHighWater("", sendLowWater("")));
    }

    /** Our own keys: a client's send queue water marks (see {@link ServerSettings}). */
    private int sendLowWater(String prefix) throws ConfigException {
        return uint(prefix + "client_send_low_water", ServerSettings.SEND_LOW_WATER);
    }

    private int sendHighWater(String prefix, int low) throws ConfigException {
        String key = prefix + "client_send_high_water";
        int high = uint(key, Math.max(low, ServerSettings.SEND_HIGH_WATER));
        if (high < low || high == 0) {
            throw f.invalid(key, "'" + key + "' must be at least '" + prefix + "client_send_low_water' and above 0", 1);
        }
        return high;
    }

    private ServerSettings adminServer() throws ConfigException {
        ServerSettings d = ServerSettings.ADMIN_DEFAULTS;
        int maxWorkers = uint("admin_max_workers", d.maxWorkers());
        if (maxWorkers == 0) {
            throw f.invalid("admin_max_workers", "'admin_max_workers' must be greater than 0", 1);
        }
        return new ServerSettings(uint("admin_max_clients", d.maxClients()), d.maxAnonymousClients(),
                uint("admin_max_queued_clients", d.maxQueuedClients()),
                uint("admin_min_workers", d.minWorkers()), maxWorkers, d.prioWorkers(),
                uint("admin_max_client_requests", d.maxClientRequests()),
                f.signed("admin_keepalive_interval").orElse(d.keepaliveInterval()),
                uint("admin_keepalive_count", d.keepaliveCount()), sendLowWater("admin_"),
                sendHighWater("admin_", sendLowWater("admin_")));
    }

    private Optional<String> hostUuid() throws ConfigException {
        Optional<String> uuid = f.string("host_uuid");
        if (uuid.isPresent()) {
            String hex = uuid.get().replace("-", "").replace(" ", "");
            if (!hex.matches("[0-9a-fA-F]{32}") || hex.chars().distinct().count() == 1) {
                throw f.invalid("host_uuid", "invalid host UUID: " + uuid.get(), 1);
            }
        }
        return uuid;
    }

    private String hostUuidSource() throws ConfigException {
        String source = f.string("host_uuid_source").orElse("smbios");
        if (!source.equals("smbios") && !source.equals("machine-id")) {
            throw f.invalid("host_uuid_source", "invalid UUID source: " + source, 1);
        }
        return source;
    }

    private int uint(String key, int dflt) throws ConfigException {
        return (int) Math.min(Integer.MAX_VALUE, f.unsigned(key).orElse((long) dflt));
    }
}
