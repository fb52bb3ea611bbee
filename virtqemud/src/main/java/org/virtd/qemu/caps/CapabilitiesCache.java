package org.virtd.qemu.caps;

import org.virtd.core.driver.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonParseException;
import org.virtd.qemu.qmp.JsonParser;
import org.virtd.qemu.qmp.JsonValue;

/**
 * The on-disk probe cache (libvirt's {@code <cache>/qemu/capabilities/<sha256 of path>.xml}):
 * one JSON file per emulator under {@code dir}, named by the SHA-256 of the binary's path and
 * valid while the binary's size, mtime and ctime, the cache format and the /dev/kvm verdict at
 * probe time are unchanged. A stale, unreadable or foreign file is a miss, never an error;
 * writes are atomic (temp file + rename), so a crash leaves the old file or none.
 */
public final class CapabilitiesCache {
    /** Bumped whenever the stored fields change meaning; part of every key. */
    static final int FORMAT = 3;
    private static final Logger LOG = LoggerFactory.getLogger(CapabilitiesCache.class);

    private final Path dir;

    public CapabilitiesCache(Path dir) {
        this.dir = dir;
    }

    public Path fileFor(Path emulator) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(emulator.toString().getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(d) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    /** The cached capabilities if the cache entry still describes this binary. */
    public Optional<EmulatorCapabilities> load(Path emulator, boolean kvmDeviceUsable) {
        Path file = fileFor(emulator);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject o = JsonParser.parseObject(Files.readString(file));
            if (!o.object("key").equals(key(emulator, kvmDeviceUsable))) {
                return Optional.empty();
            }
            return Optional.of(decode(emulator, o.object("caps")));
        } catch (IOException | JsonParseException | RuntimeException e) {
            LOG.info("ignoring unreadable capabilities cache {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void store(EmulatorCapabilities caps, boolean kvmDeviceUsable) throws IOException {
        String text = JsonObject.of("key", key(caps.emulator(), kvmDeviceUsable), "caps", encode(caps)).toJson();
        AtomicFile.write(fileFor(caps.emulator()), text + "\n", null);
    }

    static JsonObject key(Path emulator, boolean kvmDeviceUsable) throws IOException {
        FileTime ctime = (FileTime) Files.getAttribute(emulator, "unix:ctime");
        return JsonObject.of("format", (long) FORMAT, "path", emulator.toString(),
                "size", Files.size(emulator),
                "mtime", Files.getLastModifiedTime(emulator).toMillis(),
                "ctime", ctime.toMillis(),
                "kvmDevice", kvmDeviceUsable);
    }

    private static JsonObject encode(EmulatorCapabilities c) {
        List<JsonValue> machines = new ArrayList<>();
        for (MachineType m : c.machines()) {
            machines.add(JsonObject.of("name", m.name(), "alias", m.alias(), "is-default", m.isDefault(),
                    "cpu-max", (long) m.maxCpus(), "deprecated", m.deprecated()));
        }
        return JsonObject.of("arch", c.arch(), "version", c.version(), "package", c.packageName(),
                "kvm", c.kvmEnabled(),
                "machines", new JsonArray(machines), "facts", c.facts().json());
    }

    private static EmulatorCapabilities decode(Path emulator, JsonObject o) {
        List<MachineType> machines = o.array("machines").objects().stream()
                .map(CapabilitiesCache::machine).toList();
        return new EmulatorCapabilities(emulator, o.string("arch").orElseThrow(), o.number("version", -1),
                o.string("package", ""), o.bool("kvm", false), machines, new ProbedFacts(o.object("facts")));
    }

    /** A {@code query-machines} entry (also the cached form, which uses the same member names). */
    static MachineType machine(JsonObject m) {
        return new MachineType(m.string("name").orElseThrow(), m.string("alias", null), m.bool("is-default", false),
                (int) m.number("cpu-max", 1), m.bool("deprecated", false));
    }
}
