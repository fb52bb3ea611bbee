package org.virtd.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed virConf file: its entries in file order and libvirt's typed getters (virConfGetValue*).
 * Lookup is by exact name and the <b>first</b> assignment wins (daemons.md §7). Type errors use
 * libvirt's wording, extended with the line of the offending assignment:
 * {@code internal error: PATH:LINE: expected an unsigned integer for 'max_clients' parameter}.
 */
public final class ConfFile {
    private static final long UINT_MAX = 0xFFFF_FFFFL;

    private final String source;
    private final List<ConfEntry> entries;
    private final Set<String> consulted = ConcurrentHashMap.newKeySet();

    public ConfFile(String source, List<ConfEntry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    public static ConfFile empty(String source) {
        return new ConfFile(source, List.of());
    }

    public String source() {
        return source;
    }

    /**
     * Every key a reader has asked for so far, set or not: what the daemon reads, so that a test
     * can hold the shipped files' documented keys to it.
     */
    public Set<String> consultedKeys() {
        return Set.copyOf(consulted);
    }

    public List<ConfEntry> entries() {
        return entries;
    }

    /** The first assignment of {@code key}, if any. Records that the key was asked for. */
    public Optional<ConfEntry> entry(String key) {
        consulted.add(key);
        return entries.stream().filter(e -> e.name().equals(key)).findFirst();
    }

    /** "PATH:LINE" of the first assignment of {@code key}, or just PATH when it is not set. */
    public String where(String key) {
        return entry(key).map(e -> source + ":" + e.line()).orElse(source);
    }

    public Optional<Boolean> bool(String key) throws ConfigException {
        Optional<ConfEntry> e = entry(key);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (!(e.get().value() instanceof ConfValue.Number n) || n.signed()) {
            throw internal(e.get(), "expected a bool for '" + key + "' parameter");
        }
        if (n.value() < 0 || n.value() > 1) {
            throw internal(e.get(), "value for '" + key + "' parameter must be 0 or 1");
        }
        return Optional.of(n.value() == 1);
    }

    public Optional<Long> unsigned(String key) throws ConfigException {
        Optional<ConfEntry> e = entry(key);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (!(e.get().value() instanceof ConfValue.Number n) || n.signed()) {
            throw internal(e.get(), "expected an unsigned integer for '" + key + "' parameter");
        }
        if (n.value() < 0 || n.value() > UINT_MAX) {
            throw internal(e.get(), "value for '" + key + "' parameter must be in range 0:" + UINT_MAX);
        }
        return Optional.of(n.value());
    }

    public Optional<Integer> signed(String key) throws ConfigException {
        Optional<ConfEntry> e = entry(key);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (!(e.get().value() instanceof ConfValue.Number n)) {
            throw internal(e.get(), "expected a signed integer for '" + key + "' parameter");
        }
        if (n.value() > Integer.MAX_VALUE || n.value() < Integer.MIN_VALUE) {
            throw internal(e.get(), "value for '" + key + "' parameter must be in range "
                    + Integer.MIN_VALUE + ":" + Integer.MAX_VALUE);
        }
        return Optional.of((int) n.value());
    }

    public Optional<String> string(String key) throws ConfigException {
        Optional<ConfEntry> e = entry(key);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (!(e.get().value() instanceof ConfValue.Text t)) {
            throw internal(e.get(), "expected a string for '" + key + "' parameter");
        }
        return Optional.of(t.value());
    }

    public Optional<List<String>> stringList(String key) throws ConfigException {
        Optional<ConfEntry> e = entry(key);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (!(e.get().value() instanceof ConfValue.Items items)) {
            throw internal(e.get(), "expected a string list for '" + key + "' parameter");
        }
        List<String> out = new ArrayList<>();
        for (ConfValue v : items.values()) {
            if (!(v instanceof ConfValue.Text t)) {
                throw new ConfigException("configuration file syntax error: " + at(e.get())
                        + ": expected a string list for '" + key + "' parameter");
            }
            out.add(t.value());
        }
        return Optional.of(List.copyOf(out));
    }

    /** An error about a value that parsed but is not acceptable, in libvirt's internal-error form. */
    public ConfigException invalid(String key, String what, int exitStatus) {
        return new ConfigException("internal error: " + where(key) + ": " + what, exitStatus);
    }

    private ConfigException internal(ConfEntry e, String what) {
        return new ConfigException("internal error: " + at(e) + ": " + what);
    }

    private String at(ConfEntry e) {
        return source + ":" + e.line();
    }
}
