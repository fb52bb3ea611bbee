package org.virtd.qemu.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.config.ConfFile;
import org.virtd.core.config.ConfigException;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The driver's {@code qemu.conf}: read once at start (an error stops the driver) and again on
 * SIGHUP (an error keeps the values in force). Every value applies to the guests started after
 * it was read; running guests keep what they were started with. Keys virtqemud does not act on
 * are warned about once each, by name, for the life of the daemon.
 */
public final class QemuConfSource implements Supplier<QemuConf> {
    private static final Logger LOG = LoggerFactory.getLogger(QemuConfSource.class);
    /** Read and checked, but with no effect yet. */
    private static final List<String> NOT_APPLIED_YET = List.of();

    private final Path file;
    private final Path stateDir;
    private final Set<String> warned = new HashSet<>();
    private volatile QemuConf current;

    private QemuConfSource(Path file, Path stateDir, QemuConf first) {
        this.file = file;
        this.stateDir = stateDir;
        this.current = first;
    }

    /** Values for code paths that run without a daemon (tests, tools): the defaults. */
    public static QemuConfSource ofDefaults(Path stateDir) {
        return new QemuConfSource(null, stateDir, QemuConf.defaults("defaults", stateDir));
    }

    /** Reads {@code file} (absent = defaults) or fails with the file, line and key at fault. */
    public static QemuConfSource open(Path file, Path stateDir) throws ConfigException {
        QemuConfSource s = new QemuConfSource(file, stateDir, null);
        s.current = s.readAndWarn();
        return s;
    }

    @Override
    public QemuConf get() {
        return current;
    }

    /** SIGHUP: the new values, or the old ones kept with the error logged; returns what happened. */
    public String reload() {
        if (file == null) {
            return "qemu.conf: defaults";
        }
        try {
            current = readAndWarn();
            return "qemu.conf reread";
        } catch (ConfigException e) {
            LOG.error("Can't reload {}, keeping the values in force: {}", file, e.getMessage());
            return "qemu.conf kept (" + e.getMessage() + ")";
        }
    }

    private synchronized QemuConf readAndWarn() throws ConfigException {
        ConfFile parsed = QemuConfReader.parse(file);
        QemuConf conf = QemuConfReader.read(parsed, stateDir);
        for (String key : QemuConfReader.ignoredKeys(parsed)) {
            if (warned.add(key)) {
                LOG.warn("{}:{}: '{}' is not implemented by virtqemud and is ignored", file,
                        parsed.entry(key).map(e -> e.line()).orElse(0), key);
            }
        }
        for (String key : NOT_APPLIED_YET) {
            if (parsed.entry(key).isPresent() && warned.add(key)) {
                LOG.warn("{}: '{}' is checked but not applied yet", parsed.where(key), key);
            }
        }
        return conf;
    }
}
