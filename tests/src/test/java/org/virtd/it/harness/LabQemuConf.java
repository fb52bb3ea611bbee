package org.virtd.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The "lab" qemu.conf end-to-end tests run virtqemud with unless they say otherwise: the one the
 * anchor gives libvirtd (QEMU as root, no relabelling, no security driver, no cgroups, no
 * private /dev; seccomp left at its default), so both daemons are compared in one configuration.
 * Tests of confinement itself write their own file before the daemon starts.
 */
public final class LabQemuConf {
    public static final String TEXT = """
            user = "root"
            group = "root"
            dynamic_ownership = 0
            remember_owner = 0
            security_driver = "none"
            cgroup_controllers = [ ]
            namespaces = [ ]
            """;

    private LabQemuConf() {
    }

    public static Path file(Path prefix) {
        return prefix.resolve("etc/libvirt/qemu.conf");
    }

    /** Writes the lab file under {@code prefix} unless a qemu.conf is there already. */
    public static void ensure(Path prefix) throws IOException {
        Path f = file(prefix);
        if (!Files.exists(f)) {
            write(prefix, "");
        }
    }

    /**
     * Writes the lab file with {@code extra} lines after it; a key set in {@code extra} replaces
     * the lab's (the first assignment of a key is the one read, as in libvirt).
     */
    public static void write(Path prefix, String extra) throws IOException {
        Set<String> keys = extra.lines().map(LabQemuConf::key).filter(k -> !k.isEmpty()).collect(Collectors.toSet());
        String lab = TEXT.lines().filter(l -> !keys.contains(key(l))).map(l -> l + "\n").collect(Collectors.joining());
        Files.createDirectories(file(prefix).getParent());
        Files.writeString(file(prefix), lab + extra);
    }

    private static String key(String line) {
        int eq = line.indexOf('=');
        return eq < 0 ? "" : line.substring(0, eq).strip();
    }
}
