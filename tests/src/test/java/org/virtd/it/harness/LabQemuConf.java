package org.virtd.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Writes the lab file with {@code extra} lines after it (later keys win). */
    public static void write(Path prefix, String extra) throws IOException {
        Files.createDirectories(file(prefix).getParent());
        Files.writeString(file(prefix), TEXT + extra);
    }
}
