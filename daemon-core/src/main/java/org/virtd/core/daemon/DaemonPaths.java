package org.virtd.core.daemon;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Every default path of a daemon, from one place (daemons.md §1, §2, §5, §8, §12). The system
 * layout ({@code /etc/libvirt}, {@code /run/libvirt}, {@code /run/<daemon>.pid}, {@code
 * /var/lib/libvirt}, {@code /var/log/libvirt}, {@code /var/cache/libvirt}) applies to root; other
 * users get the XDG layout with libvirt's fallbacks ({@code ~/.config}, {@code ~/.cache}, and the
 * cache dir when {@code XDG_RUNTIME_DIR} is unset). With {@code VIRTD_PREFIX=DIR} the system
 * layout is used for everyone, relocated under DIR.
 */
public final class DaemonPaths {
    private final DaemonIdentity id;
    private final boolean systemLayout;
    private final boolean root;
    private final Path prefix;
    private final Path configDir;
    private final Path runDir;
    private final Path stateDir;
    private final Path logDir;
    private final Path cacheDir;
    private final Path pkiHome;

    private DaemonPaths(DaemonIdentity id, boolean root, Map<String, String> env) {
        this.id = id;
        this.root = root;
        String p = env.get("VIRTD_PREFIX");
        this.prefix = p == null || p.isEmpty() ? null : Path.of(p).toAbsolutePath().normalize();
        this.systemLayout = root || prefix != null;
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home", "/")));
        Path xdgConfig = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path xdgCache = xdg(env, "XDG_CACHE_HOME", home.resolve(".cache"));
        Path xdgRuntime = xdg(env, "XDG_RUNTIME_DIR", xdgCache);
        if (systemLayout) {
            configDir = system("/etc/libvirt");
            runDir = system("/run/libvirt");
            stateDir = system("/var/lib/libvirt");
            logDir = system("/var/log/libvirt");
            cacheDir = system("/var/cache/libvirt");
            pkiHome = null;
        } else {
            configDir = xdgConfig.resolve("libvirt");
            runDir = xdgRuntime.resolve("libvirt");
            stateDir = xdgConfig.resolve("libvirt");
            logDir = xdgCache.resolve("libvirt");
            cacheDir = xdgCache.resolve("libvirt");
            pkiHome = home.resolve(".pki/libvirt");
        }
    }

    /** Paths for a process of uid {@code uid} with environment {@code env}. */
    public static DaemonPaths of(DaemonIdentity id, long uid, Map<String, String> env) {
        return new DaemonPaths(id, uid == 0, env);
    }

    private static Path xdg(Map<String, String> env, String key, Path fallback) {
        String v = env.get(key);
        return v == null || v.isEmpty() ? fallback : Path.of(v);
    }

    private Path system(String path) {
        return prefix == null ? Path.of(path) : prefix.resolve(path.substring(1));
    }

    /** True for the system layout: root, or anyone under {@code VIRTD_PREFIX}. */
    public boolean systemLayout() {
        return systemLayout;
    }

    public boolean root() {
        return root;
    }

    public Optional<Path> prefix() {
        return Optional.ofNullable(prefix);
    }

    public Path configDir() {
        return configDir;
    }

    public Path configFile() {
        return configDir.resolve(id.name() + ".conf");
    }

    /** The directory the daemon creates at start: {@code /run/libvirt} or the user runtime dir. */
    public Path runDir() {
        return runDir;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path logDir() {
        return logDir;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    public Path pidFile() {
        return systemLayout ? system("/run").resolve(id.name() + ".pid") : runDir.resolve(id.name() + ".pid");
    }

    /** The file logs go to with {@code -d} when no output is configured (§8). */
    public Path defaultLogFile() {
        return logDir.resolve(id.name() + ".log");
    }

    /** The unix sockets for {@code unixSockDir} (config's {@code unix_sock_dir}, may be null). */
    public SocketPaths sockets(String unixSockDir) {
        Path dir = unixSockDir == null ? runDir : Path.of(unixSockDir);
        String p = id.sockPrefix();
        Path ro = systemLayout ? dir.resolve(p + "-sock-ro") : null;
        Path admin = systemLayout || unixSockDir == null ? dir.resolve(p + "-admin-sock") : null;
        return new SocketPaths(dir.resolve(p + "-sock"), ro, admin);
    }

    /**
     * TLS files used when the config names none (§12). A non-root daemon uses its own
     * {@code ~/.pki/libvirt} files; libvirt then falls back to the system ones for a file (or
     * the cert/key pair) that is not there, see {@link #systemPki}.
     */
    public Path caCert() {
        return pkiHome != null ? pkiHome.resolve("cacert.pem") : system("/etc/pki/CA/cacert.pem");
    }

    public Path serverCert() {
        return pkiHome != null ? pkiHome.resolve("servercert.pem") : system("/etc/pki/libvirt/servercert.pem");
    }

    public Path serverKey() {
        return pkiHome != null ? pkiHome.resolve("serverkey.pem") : system("/etc/pki/libvirt/private/serverkey.pem");
    }

    /** The optional revocation list next to the CA certificate ({@code cacrl.pem}). */
    public Path caCrl() {
        return pkiHome != null ? pkiHome.resolve("cacrl.pem") : system("/etc/pki/CA/cacrl.pem");
    }

    /** True when TLS files come from the user's {@code ~/.pki/libvirt} (non-root, no prefix). */
    public boolean userPki() {
        return pkiHome != null;
    }

    /** A system TLS path ({@code /etc/pki/...}), relocated under the prefix if any. */
    public Path systemPki(String path) {
        return system(path);
    }

    /** Read-write, read-only (null for user daemons) and admin (null in the §2 quirk) socket paths. */
    public record SocketPaths(Path rw, Path ro, Path admin) {
    }
}
