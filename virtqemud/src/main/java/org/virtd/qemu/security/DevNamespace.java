package org.virtd.qemu.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The private {@code /dev} of {@code namespaces = [ "mount" ]} (libvirt's qemu_namespace.c):
 * QEMU starts in a mount namespace of its own where a tmpfs replaces {@code /dev}, holding copies
 * of the device nodes it may need and the host's {@code /dev/pts} and {@code /dev/shm}, so the
 * pty paths it reports are the host's. The mounts are made by a short shell script run between
 * {@code unshare} and QEMU, since Java cannot run code between fork and exec.
 */
final class DevNamespace {
    static final Path UNSHARE = Path.of("/usr/bin/unshare");
    /** Always there: libvirt's default device ACL, the same nodes libvirtd gives QEMU. */
    static final List<String> BASE = List.of("/dev/null", "/dev/full", "/dev/zero", "/dev/random",
            "/dev/urandom", "/dev/ptmx");
    /** From that ACL too, when the host has it. Others only when a device needs them (GuestFiles). */
    static final List<String> OPTIONAL = List.of("/dev/kvm");

    private static final String SCRIPT = """
            set -e
            d=$1; shift
            mount -t tmpfs -o mode=755,size=65536k devfs "$d"
            while [ "$1" != -- ]; do
              mkdir -p "$d$(dirname "${1#/dev}")"
              cp -a "$1" "$d${1#/dev}"
              shift
            done
            shift
            mkdir -p "$d/pts" "$d/shm"
            mount --bind /dev/pts "$d/pts"
            if [ -d /dev/shm ]; then mount --bind /dev/shm "$d/shm"; fi
            mount --move "$d" /dev
            exec "$@"
            """;

    private DevNamespace() {
    }

    /**
     * The argv prefix: the new namespace, the script, the staging directory it mounts the tmpfs
     * on before moving it over {@code /dev}, and the nodes to copy; the rest of the command follows.
     */
    static List<String> wrapper(Path staging, List<Path> guestNodes) {
        Set<String> nodes = new LinkedHashSet<>(BASE);
        for (String n : OPTIONAL) {
            if (Files.exists(Path.of(n))) {
                nodes.add(n);
            }
        }
        for (Path p : guestNodes) {
            nodes.add(p.toString());
        }
        List<String> cmd = new ArrayList<>(List.of(UNSHARE.toString(), "-m", "--propagation", "private", "--",
                "/bin/sh", "-c", SCRIPT, "virtd-dev", staging.toString()));
        cmd.addAll(nodes);
        cmd.add("--");
        return cmd;
    }
}
