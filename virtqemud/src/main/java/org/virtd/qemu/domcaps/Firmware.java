package org.virtd.qemu.domcaps;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonParseException;
import org.virtd.qemu.qmp.JsonParser;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.JsonString;

/**
 * The firmware QEMU's firmware descriptors ({@code <dir>/*.json}, the QEMU firmware.json schema)
 * offer for an arch and machine: a file name in an earlier directory hides the same name in a
 * later one, and descriptors are taken in file name order.
 */
record Firmware(String executable, boolean uefi, boolean secure) {
    static final List<Path> SYSTEM_DIRS = List.of(Path.of("/etc/qemu/firmware"), Path.of("/usr/share/qemu/firmware"));

    static List<Firmware> matching(List<Path> dirs, String arch, String machine) {
        Map<String, Path> byName = new TreeMap<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .forEach(p -> byName.putIfAbsent(p.getFileName().toString(), p));
            } catch (IOException e) {
                // an unreadable directory offers nothing
            }
        }
        List<Firmware> out = new ArrayList<>();
        for (Path p : byName.values()) {
            try {
                parse(JsonParser.parseObject(Files.readString(p)), arch, machine).ifPresent(out::add);
            } catch (IOException | JsonParseException | RuntimeException e) {
                // a broken descriptor is skipped, as libvirt skips it
            }
        }
        return out;
    }

    private static java.util.Optional<Firmware> parse(JsonObject d, String arch, String machine) {
        JsonObject mapping = d.object("mapping");
        if (!mapping.string("device", "").equals("flash") && !mapping.string("device", "").equals("memory")) {
            return java.util.Optional.empty();
        }
        String exe = mapping.string("device", "").equals("flash")
                ? mapping.object("executable").string("filename", null) : mapping.string("filename", null);
        if (exe == null || !targets(d, arch, machine)) {
            return java.util.Optional.empty();
        }
        List<String> ifaces = strings(d.array("interface-types").values());
        List<String> features = strings(d.array("features").values());
        return java.util.Optional.of(new Firmware(exe, ifaces.contains("uefi"),
                features.contains("secure-boot") && features.contains("requires-smm")));
    }

    private static boolean targets(JsonObject d, String arch, String machine) {
        for (JsonObject t : d.array("targets").objects()) {
            if (!t.string("architecture", "").equals(arch)) {
                continue;
            }
            for (String glob : strings(t.array("machines").values())) {
                if (FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(machine))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> strings(List<JsonValue> values) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : values) {
            if (v instanceof JsonString s) {
                out.add(s.value());
            }
        }
        return out;
    }
}
