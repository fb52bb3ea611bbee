package org.virtd.qemu.config;

import org.virtd.core.config.ConfEntry;
import org.virtd.core.config.ConfFile;
import org.virtd.core.config.ConfParser;
import org.virtd.core.config.ConfValue;
import org.virtd.core.config.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code qemu.conf} into a {@link QemuConf}: each key with libvirt's type, then the checks
 * libvirt makes later (or never) made at once, so a typo stops start-up with the file, line and
 * key instead of failing the first guest that needs it. Keys virtqemud does not act on are
 * reported by {@link #ignoredKeys()} for the caller to warn about.
 */
public final class QemuConfReader {
    /** Every key this reader gives a meaning to; the rest are ignored with a warning. */
    static final Set<String> KEYS = Set.of("user", "group", "security_driver", "vnc_listen", "vnc_auto_unix_socket",
            "spice_listen", "stdio_handler", "max_processes", "max_files", "save_image_format", "dump_image_format",
            "auto_dump_path", "auto_start_bypass_cache", "set_process_name", "log_timestamp", "nvram",
            "dynamic_ownership", "remember_owner", "seccomp_sandbox", "namespaces",
            "cgroup_controllers", "cgroup_device_acl", "max_threads_per_process");
    private static final Set<String> NAMESPACES = Set.of("mount");
    private static final Set<String> SECURITY_DRIVERS = Set.of("none", "dac", "selinux", "apparmor");
    private static final long MAX_FILE_SIZE = 10L * 1024 * 1024;

    private final ConfFile f;
    private final Path stateDir;

    private QemuConfReader(ConfFile f, Path stateDir) {
        this.f = f;
        this.stateDir = stateDir;
    }

    /**
     * The file at {@code path}, or the defaults when there is none (libvirt treats a missing
     * qemu.conf as an empty one).
     */
    public static QemuConf load(Path path, Path stateDir) throws ConfigException {
        return read(parse(path), stateDir);
    }

    /** The parsed file, or an empty one when it does not exist. */
    public static ConfFile parse(Path path) throws ConfigException {
        String source = path.toString();
        try {
            if (Files.size(path) > MAX_FILE_SIZE) {
                throw new ConfigException("File '" + source + "' is too large");
            }
            return ConfParser.parse(source, Files.readString(path, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            return ConfFile.empty(source);
        } catch (IOException e) {
            throw new ConfigException("Failed to read file '" + source + "': " + e.getMessage());
        }
    }

    public static QemuConf read(ConfFile file, Path stateDir) throws ConfigException {
        return new QemuConfReader(file, stateDir).read();
    }

    /** The keys set in {@code file} that virtqemud does not act on, in file order. */
    public static List<String> ignoredKeys(ConfFile file) {
        Set<String> out = new LinkedHashSet<>();
        for (ConfEntry e : file.entries()) {
            if (!KEYS.contains(e.name())) {
                out.add(e.name());
            }
        }
        return List.copyOf(out);
    }

    private QemuConf read() throws ConfigException {
        QemuConf d = QemuConf.defaults(f.source(), stateDir);
        return new QemuConf(f.source(), account("user", d.user(), false), account("group", d.group(), true),
                securityDrivers(), address("vnc_listen", d.vncListen()),
                f.bool("vnc_auto_unix_socket").orElse(d.vncAutoUnixSocket()), address("spice_listen", d.spiceListen()),
                stdioHandler(d.stdioHandler()),
                f.unsigned("max_processes").orElse(d.maxProcesses()), f.unsigned("max_files").orElse(d.maxFiles()),
                format("save_image_format", d.saveImageFormat()), format("dump_image_format", d.dumpImageFormat()),
                absolute("auto_dump_path", d.autoDumpPath()),
                f.bool("auto_start_bypass_cache").orElse(d.autoStartBypassCache()),
                f.bool("set_process_name").orElse(d.setProcessName()),
                f.bool("log_timestamp").orElse(d.logTimestamp()), nvram(), confinement(d.confinement()), cgroups());
    }

    private QemuConf.Confinement confinement(QemuConf.Confinement d) throws ConfigException {
        int seccomp = f.signed("seccomp_sandbox").orElse(d.seccompSandbox());
        if (seccomp < -1 || seccomp > 1) {
            throw f.invalid("seccomp_sandbox", "seccomp_sandbox must be -1, 0 or 1, not " + seccomp, 1);
        }
        List<String> namespaces = f.entry("namespaces").isPresent()
                ? f.stringList("namespaces").orElse(List.of()) : d.namespaces();
        for (String ns : namespaces) {
            if (!NAMESPACES.contains(ns)) {
                throw f.invalid("namespaces", "Unknown namespace: " + ns, 1);
            }
        }
        return new QemuConf.Confinement(f.bool("dynamic_ownership").orElse(d.dynamicOwnership()),
                f.bool("remember_owner").orElse(d.rememberOwner()), seccomp, namespaces);
    }

    /** {@code cgroup_controllers} names must be known ones; {@code cgroup_device_acl} paths absolute. */
    private QemuConf.Cgroups cgroups() throws ConfigException {
        List<String> controllers = f.stringList("cgroup_controllers").orElse(QemuConf.Cgroups.KNOWN);
        for (String c : controllers) {
            if (!QemuConf.Cgroups.KNOWN.contains(c)) {
                throw f.invalid("cgroup_controllers", "Unknown cgroup controller '" + c + "'", 1);
            }
        }
        List<String> acl = f.stringList("cgroup_device_acl").orElse(QemuConf.Cgroups.DEFAULT_ACL);
        for (String path : acl) {
            if (!path.startsWith("/")) {
                throw f.invalid("cgroup_device_acl", "cgroup_device_acl entry '" + path + "' is not an absolute path",
                        1);
            }
        }
        return new QemuConf.Cgroups(controllers, acl, f.unsigned("max_threads_per_process").orElse(0L));
    }

    /** A user or group name, or {@code +N} for a numeric id, that exists on this host. */
    private String account(String key, String fallback, boolean group) throws ConfigException {
        Optional<String> value = f.string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String name = value.get();
        if (name.startsWith("+") && name.length() > 1 && name.substring(1).chars().allMatch(Character::isDigit)) {
            return name;
        }
        UserPrincipalLookupService accounts = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            if (group) {
                accounts.lookupPrincipalByGroupName(name);
            } else {
                accounts.lookupPrincipalByName(name);
            }
        } catch (UserPrincipalNotFoundException e) {
            throw f.invalid(key, "Failed to parse " + key + " '" + name + "': no such " + key + " on this host", 1);
        } catch (IOException e) {
            throw f.invalid(key, "cannot look up " + key + " '" + name + "': " + e.getMessage(), 1);
        }
        return name;
    }

    /** A single name or a list, as libvirt allows for {@code security_driver}. */
    private List<String> securityDrivers() throws ConfigException {
        Optional<ConfEntry> e = f.entry("security_driver");
        if (e.isEmpty()) {
            return List.of();
        }
        List<String> names = e.get().value() instanceof ConfValue.Items
                ? f.stringList("security_driver").orElse(List.of())
                : List.of(f.string("security_driver").orElse(""));
        for (String name : names) {
            if (!SECURITY_DRIVERS.contains(name)) {
                throw f.invalid("security_driver", "Security driver '" + name
                        + "' is unknown: expected none, dac, selinux or apparmor", 1);
            }
        }
        for (String name : names) {
            // libvirt refuses a named driver its host cannot load; this one has neither LSM driver
            if (name.equals("selinux") || name.equals("apparmor")) {
                throw f.invalid("security_driver", "Security driver " + name
                        + " not enabled: virtqemud confines QEMU with 'dac' only", 1);
            }
        }
        if (names.contains("none") && names.size() > 1) {
            throw f.invalid("security_driver", "Security driver 'none' cannot be combined with other drivers", 1);
        }
        return names;
    }

    private String address(String key, String fallback) throws ConfigException {
        String value = f.string(key).orElse(fallback);
        if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw f.invalid(key, "'" + value + "' is not an address to listen on for '" + key + "' parameter", 1);
        }
        return value;
    }

    private String stdioHandler(String fallback) throws ConfigException {
        String value = f.string("stdio_handler").orElse(fallback);
        if (!value.equals("logd") && !value.equals("file")) {
            throw f.invalid("stdio_handler", "Unknown stdio handler '" + value
                    + "' for 'stdio_handler' parameter: expected logd or file", 1);
        }
        return value;
    }

    private ImageFormat format(String key, ImageFormat fallback) throws ConfigException {
        Optional<String> value = f.string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        // zstd images came after libvirt 9.0: its daemons could not read ours
        return ImageFormat.named(value.get()).filter(format -> format != ImageFormat.ZSTD)
                .orElseThrow(() -> f.invalid(key, "Invalid image format '" + value.get() + "' for '" + key
                        + "' parameter: expected raw, gzip, bzip2, xz or lzop", 1));
    }

    private Path absolute(String key, Path fallback) throws ConfigException {
        Optional<String> value = f.string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!value.get().startsWith("/")) {
            throw f.invalid(key, "'" + value.get() + "' is not an absolute path for '" + key + "' parameter", 1);
        }
        return Path.of(value.get());
    }

    /** {@code nvram = [ "LOADER:TEMPLATE", ... ]}. */
    private List<QemuConf.Firmware> nvram() throws ConfigException {
        List<QemuConf.Firmware> out = new ArrayList<>();
        for (String pair : f.stringList("nvram").orElse(List.of())) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1 || pair.indexOf(':', colon + 1) >= 0) {
                throw f.invalid("nvram", "Invalid nvram format: '" + pair + "': expected LOADER:TEMPLATE", 1);
            }
            out.add(new QemuConf.Firmware(Path.of(pair.substring(0, colon)), Path.of(pair.substring(colon + 1))));
        }
        return out;
    }
}
