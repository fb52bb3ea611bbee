package org.virtd.qemu.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A cgroupfs tree in a temporary directory: a v1 layout with one mount per controller, or v2. */
final class FakeCgroupFs {
    private FakeCgroupFs() {
    }

    /** {@code root/<ctrl>/} for each v1 controller, with the files a fresh cgroup has. */
    static Path v1(Path root) throws IOException {
        for (String c : CgroupHost.CONTROLLERS) {
            Path dir = Files.createDirectories(root.resolve(c));
            Files.writeString(dir.resolve("cgroup.procs"), "");
        }
        files(root.resolve("memory"), Map.of("memory.limit_in_bytes", "9223372036854771712",
                "memory.soft_limit_in_bytes", "9223372036854771712",
                "memory.memsw.limit_in_bytes", "9223372036854771712"));
        files(root.resolve("cpu"), Map.of("cpu.shares", "1024", "cpu.cfs_period_us", "100000",
                "cpu.cfs_quota_us", "-1"));
        files(root.resolve("cpuset"), Map.of("cpuset.cpus", "0-1", "cpuset.mems", "0"));
        files(root.resolve("blkio"), Map.of("blkio.throttle.read_iops_device", ""));
        return root;
    }

    /**
     * A hybrid host as this project's CI: the v1 mounts, and {@code root/unified} a cgroup2 tree
     * listing only hugetlb (no controller of a guest's).
     */
    static Path hybrid(Path root) throws IOException {
        v1(root);
        Path unified = Files.createDirectories(root.resolve("unified"));
        files(unified, Map.of("cgroup.controllers", "hugetlb", "cgroup.procs", "", "cgroup.subtree_control", ""));
        return root;
    }

    /** A unified tree at {@code root} with the usual controllers. */
    static Path v2(Path root) throws IOException {
        Files.createDirectories(root);
        files(root, Map.of("cgroup.controllers", "cpuset cpu io memory pids", "cgroup.procs", "",
                "cgroup.subtree_control", ""));
        return root;
    }

    /**
     * What the kernel fills into a new cgroup directory: tests create the directory through
     * {@link DomainCgroup#create} and then call this to stand in for the kernel.
     */
    static void populate(Path dir, boolean v2, String controller) throws IOException {
        if (v2) {
            files(dir, Map.of("memory.max", "max", "memory.high", "max", "memory.swap.max", "max",
                    "cpu.weight", "100", "cpu.max", "max 100000", "io.weight", "default 100", "io.max", "",
                    "cgroup.procs", ""));
            return;
        }
        switch (controller) {
            case "memory" -> files(dir, Map.of("memory.limit_in_bytes", "9223372036854771712",
                    "memory.soft_limit_in_bytes", "9223372036854771712",
                    "memory.memsw.limit_in_bytes", "9223372036854771712"));
            case "cpu" -> files(dir, Map.of("cpu.shares", "1024", "cpu.cfs_period_us", "100000",
                    "cpu.cfs_quota_us", "-1"));
            default -> { }
        }
    }

    static void files(Path dir, Map<String, String> files) throws IOException {
        for (var e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
