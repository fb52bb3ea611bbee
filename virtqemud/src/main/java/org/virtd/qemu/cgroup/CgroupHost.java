package org.virtd.qemu.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The cgroup hierarchies of this host under a cgroupfs root ({@code /sys/fs/cgroup}; a temporary
 * tree in tests), and the one place that decides which backend owns each controller, by
 * libvirt's rules: the unified tree (at the root, or at {@code root/unified} on a hybrid host)
 * counts only when it lists some controller; it then claims the controllers it lists, cpuacct
 * (its {@code cpu.stat} is in every group) and devices when the kernel runs device programs
 * there. The legacy mounts get the controllers left over. So a hybrid host whose unified tree
 * lists only hugetlb keeps cpu, cpuset, memory, blkio and freezer on v1 and has cpuacct and
 * devices on v2.
 */
public final class CgroupHost {
    /** The controllers a guest's cgroup can use, in libvirt's order. */
    public static final List<String> CONTROLLERS = List.of("cpu", "cpuacct", "cpuset", "memory", "devices",
            "freezer", "blkio");
    /** The names a unified tree lists for the controllers it can own by listing them. */
    private static final Map<String, String> V2_LISTED = Map.of("cpu", "cpu", "cpuset", "cpuset",
            "memory", "memory", "blkio", "io");

    private final Map<String, CgroupBackend> owners;
    private final CgroupV2 v2;

    private CgroupHost(Map<String, CgroupBackend> owners, CgroupV2 v2) {
        this.owners = owners;
        this.v2 = v2;
    }

    /** What is mounted under {@code root}, without device programs on v2. */
    public static CgroupHost detect(Path root) {
        return detect(root, dir -> false);
    }

    /**
     * What is mounted under {@code root}; {@code devicesWork} says whether device programs can be
     * attached in the unified tree at the path given (asked once, only when that tree counts).
     * A host without cgroups has no controllers.
     */
    public static CgroupHost detect(Path root, Predicate<Path> devicesWork) {
        Map<String, CgroupBackend> owners = new LinkedHashMap<>();
        CgroupV2 v2 = null;
        Path v2Root = unifiedRoot(root);
        Set<String> listed = v2Root == null ? Set.of() : listed(v2Root);
        if (!listed.isEmpty()) {
            v2 = new CgroupV2(v2Root);
            boolean devices = devicesWork.test(v2Root);
            for (String c : CONTROLLERS) {
                boolean claims = switch (c) {
                    case "cpuacct" -> true;
                    case "devices" -> devices;
                    default -> listed.contains(V2_LISTED.getOrDefault(c, ""));
                };
                if (claims) {
                    owners.put(c, v2);
                }
            }
        }
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (String c : CONTROLLERS) {
            if (!owners.containsKey(c) && CgroupV1.isMount(root.resolve(c))) {
                mounts.put(c, root.resolve(c));
            }
        }
        if (!mounts.isEmpty()) {
            CgroupV1 v1 = new CgroupV1(mounts);
            mounts.keySet().forEach(c -> owners.put(c, v1));
        }
        Map<String, CgroupBackend> ordered = new LinkedHashMap<>();
        for (String c : CONTROLLERS) {
            if (owners.containsKey(c)) {
                ordered.put(c, owners.get(c));
            }
        }
        return new CgroupHost(ordered, v2);
    }

    /** The unified tree: the root itself on a v2 host, else {@code root/unified}; null when neither. */
    private static Path unifiedRoot(Path root) {
        for (Path candidate : List.of(root, root.resolve("unified"))) {
            if (Files.isRegularFile(candidate.resolve("cgroup.controllers"))) {
                return candidate;
            }
        }
        return null;
    }

    private static Set<String> listed(Path dir) {
        try {
            String text = Files.readString(dir.resolve("cgroup.controllers")).strip();
            return text.isEmpty() ? Set.of() : Set.of(text.split("\\s+"));
        } catch (java.io.IOException e) {
            return Set.of();
        }
    }

    /** Whether {@code controller} is usable here. */
    public boolean has(String controller) {
        return owners.containsKey(controller);
    }

    /** The backend owning {@code controller}; null when nothing here has it. */
    CgroupBackend backend(String controller) {
        return owners.get(controller);
    }

    /** The unified tree when it counts (owns some controller); null otherwise. */
    CgroupV2 v2() {
        return v2;
    }
}
