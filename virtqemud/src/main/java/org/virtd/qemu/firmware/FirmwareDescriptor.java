package org.virtd.qemu.firmware;

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
import org.virtd.qemu.qmp.JsonString;
import org.virtd.qemu.qmp.JsonValue;

/**
 * One firmware descriptor ({@code <dir>/*.json}, QEMU's firmware.json schema): the interfaces it
 * offers (uefi, bios), how it is mapped ({@code flash} with an executable and an NVRAM template,
 * or {@code memory} with one file), its arch/machine targets and its features.
 *
 * @param executable   the code image (flash) or the ROM file (memory)
 * @param nvramTemplate the variable store template of a flash mapping, else null
 */
public record FirmwareDescriptor(List<String> interfaces, String device, String executable, String executableFormat,
                                 String nvramTemplate, String nvramFormat, Map<String, List<String>> targets,
                                 List<String> features) {
    /** Where QEMU's packages and the administrator put descriptors (the earlier hides the same name). */
    public static final List<Path> SYSTEM_DIRS =
            List.of(Path.of("/etc/qemu/firmware"), Path.of("/usr/share/qemu/firmware"));

    public FirmwareDescriptor {
        interfaces = List.copyOf(interfaces);
        targets = Map.copyOf(targets);
        features = List.copyOf(features);
    }

    /**
     * The descriptors of {@code dirs} in libvirt's order: by file name, a name in an earlier
     * directory hiding the same name in a later one; unreadable or broken files are skipped.
     */
    public static List<FirmwareDescriptor> load(List<Path> dirs) {
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
        List<FirmwareDescriptor> out = new ArrayList<>();
        for (Path p : byName.values()) {
            try {
                FirmwareDescriptor fd = parse(JsonParser.parseObject(Files.readString(p)));
                if (fd != null) {
                    out.add(fd);
                }
            } catch (IOException | JsonParseException | RuntimeException e) {
                // a broken descriptor is skipped
            }
        }
        return out;
    }

    static FirmwareDescriptor parse(JsonObject d) {
        JsonObject mapping = d.object("mapping");
        String device = mapping.string("device", "");
        String exe;
        String exeFormat = "raw";
        String template = null;
        String templateFormat = "raw";
        if (device.equals("flash")) {
            exe = mapping.object("executable").string("filename", null);
            exeFormat = mapping.object("executable").string("format", "raw");
            if (mapping.has("nvram-template")) {
                template = mapping.object("nvram-template").string("filename", null);
                templateFormat = mapping.object("nvram-template").string("format", "raw");
            }
        } else if (device.equals("memory")) {
            exe = mapping.string("filename", null);
        } else {
            return null;
        }
        if (exe == null) {
            return null;
        }
        Map<String, List<String>> targets = new TreeMap<>();
        for (JsonObject t : d.array("targets").objects()) {
            targets.computeIfAbsent(t.string("architecture", ""), a -> new ArrayList<>())
                    .addAll(strings(t.array("machines").values()));
        }
        return new FirmwareDescriptor(strings(d.array("interface-types").values()), device, exe, exeFormat,
                template, templateFormat, targets, strings(d.array("features").values()));
    }

    /** True when one of its targets is {@code arch} with a machine glob matching {@code machine}. */
    public boolean targets(String arch, String machine) {
        for (String glob : targets.getOrDefault(arch, List.of())) {
            if (FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(machine))) {
                return true;
            }
        }
        return false;
    }

    public boolean has(String feature) {
        return features.contains(feature);
    }

    public boolean flash() {
        return device.equals("flash");
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
