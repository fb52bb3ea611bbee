package org.virtd.qemu.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The unified layout: one tree (at the cgroupfs root, or at {@code root/unified} beside legacy
 * mounts) whose directories hold every controller's files, with controllers handed down through
 * {@code cgroup.subtree_control}.
 */
public final class CgroupV2 implements CgroupBackend {
    private final Path root;

    CgroupV2(Path root) {
        this.root = root;
    }

    @Override
    public boolean unified() {
        return true;
    }

    @Override
    public Path dir(String controller, String path) {
        return root.resolve(path);
    }

    @Override
    public void create(String path, List<String> controllers, boolean thread) throws IOException {
        if (thread) {
            createThreaded(path, controllers);
            return;
        }
        Path dir = root;
        for (String part : path.split("/")) {
            enableControllers(dir, controllers);
            dir = dir.resolve(part);
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
            }
        }
    }

    /**
     * A per-thread group must be {@code threaded} before its parent, which holds QEMU, may hand
     * it the CPU controllers: a threaded subtree is exempt from the no-internal-process rule.
     */
    private void createThreaded(String path, List<String> controllers) throws IOException {
        Path dir = root.resolve(path);
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir);
        }
        Path type = dir.resolve("cgroup.type");
        if (!Files.exists(type) || !Files.readString(type).strip().equals("threaded")) {
            Files.writeString(type, "threaded");
        }
        enableControllers(dir.getParent(), controllers);
    }

    /**
     * Lets the children of {@code dir} use {@code controllers}; cpuacct (cpu.stat) and devices
     * (a BPF program) need nothing enabled, they are there in every group.
     */
    private static void enableControllers(Path dir, List<String> controllers) {
        Set<String> names = new LinkedHashSet<>();
        for (String c : controllers) {
            switch (c) {
                case "blkio" -> names.add("io");
                case "cpu", "memory", "cpuset" -> names.add(c);
                default -> { }
            }
        }
        for (String n : names) {
            try {
                Files.writeString(dir.resolve("cgroup.subtree_control"), "+" + n);
            } catch (IOException e) {
                // already enabled higher up, or not delegated to us: the tuning that needs it says so later
            }
        }
    }

    @Override
    public String threadsFile() {
        return "cgroup.threads";
    }
}
