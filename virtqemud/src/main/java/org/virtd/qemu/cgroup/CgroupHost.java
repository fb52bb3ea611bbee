package org.virtd.qemu.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cgroup hierarchies of this host under a cgroupfs root ({@code /sys/fs/cgroup}; a temporary
 * tree in tests): either one legacy (v1) mount per controller, {@code root/<controller>}, or the
 * unified (v2) tree at the root, or at {@code root/unified} when that is where the controllers are.
 */
public final class CgroupHost {
    /** The controllers a guest's cgroup can use, in libvirt's order. */
    public static final List<String> CONTROLLERS = List.of("cpu", "cpuacct", "cpuset", "memory", "devices",
            "freezer", "blkio");
    /** v2 names of the v1 controllers libvirt maps onto them (cpuacct is part of cpu, blkio is io). */
    private static final Map<String, String> V2_NAMES = Map.of("cpu", "cpu", "cpuacct", "cpu", "cpuset", "cpuset",
            "memory", "memory", "blkio", "io", "devices", "", "freezer", "");

    private final boolean unified;
    private final Path v2Root;
    private final Map<String, Path> mounts;

    private CgroupHost(boolean unified, Path v2Root, Map<String, Path> mounts) {
        this.unified = unified;
        this.v2Root = v2Root;
        this.mounts = mounts;
    }

    /** What is mounted under {@code root}; a host without cgroups has no controllers. */
    public static CgroupHost detect(Path root) {
        Map<String, Path> v1 = new LinkedHashMap<>();
        for (String c : CONTROLLERS) {
            Path dir = root.resolve(c);
            if (Files.isRegularFile(dir.resolve("cgroup.procs")) && !Files.exists(dir.resolve("cgroup.controllers"))) {
                v1.put(c, dir);
            }
        }
        if (!v1.isEmpty()) {
            return new CgroupHost(false, null, v1);
        }
        for (Path candidate : List.of(root, root.resolve("unified"))) {
            Set<String> have = v2Controllers(candidate);
            if (!have.isEmpty()) {
                Map<String, Path> m = new LinkedHashMap<>();
                for (String c : CONTROLLERS) {
                    String v2 = V2_NAMES.get(c);
                    // devices and freezer are not files in v2: a v2 tree always has them (BPF, cgroup.freeze)
                    if (v2.isEmpty() || have.contains(v2)) {
                        m.put(c, candidate);
                    }
                }
                return new CgroupHost(true, candidate, m);
            }
        }
        return new CgroupHost(false, null, Map.of());
    }

    private static Set<String> v2Controllers(Path dir) {
        try {
            String text = Files.readString(dir.resolve("cgroup.controllers")).strip();
            return text.isEmpty() ? Set.of() : Set.of(text.split("\\s+"));
        } catch (java.io.IOException e) {
            return Set.of();
        }
    }

    public boolean unified() {
        return unified;
    }

    /** The v2 tree's root; null on a v1 host. */
    Path v2Root() {
        return v2Root;
    }

    /** Whether {@code controller} is usable here. */
    public boolean has(String controller) {
        return mounts.containsKey(controller);
    }

    /** The hierarchy holding {@code controller}; null when it is not mounted. */
    Path mount(String controller) {
        return mounts.get(controller);
    }
}
