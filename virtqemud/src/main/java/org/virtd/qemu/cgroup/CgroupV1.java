package org.virtd.qemu.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The legacy layout: each controller its own hierarchy, mounted at {@code root/<controller>}. */
public final class CgroupV1 implements CgroupBackend {
    private final Map<String, Path> mounts;

    CgroupV1(Map<String, Path> mounts) {
        this.mounts = Map.copyOf(mounts);
    }

    /** Whether {@code dir} is the root of a legacy hierarchy. */
    static boolean isMount(Path dir) {
        return Files.isRegularFile(dir.resolve("cgroup.procs")) && !Files.exists(dir.resolve("cgroup.controllers"));
    }

    @Override
    public boolean unified() {
        return false;
    }

    @Override
    public Path dir(String controller, String path) {
        return mounts.get(controller).resolve(path);
    }

    @Override
    public void create(String path, List<String> controllers, boolean thread) throws IOException {
        for (String c : controllers) {
            Path dir = mounts.get(c);
            for (String part : path.split("/")) {
                Path parent = dir;
                dir = dir.resolve(part);
                if (!Files.isDirectory(dir)) {
                    Files.createDirectory(dir);
                }
                if ("cpuset".equals(c)) {
                    // a v1 cpuset child starts with no CPUs and no memory nodes: nothing could join it
                    inherit(parent, dir, "cpuset.cpus");
                    inherit(parent, dir, "cpuset.mems");
                }
            }
        }
    }

    private static void inherit(Path parent, Path dir, String file) throws IOException {
        Path target = dir.resolve(file);
        if (!Files.exists(target) || !Files.readString(target).isBlank()) {
            return;
        }
        Files.writeString(target, Files.readString(parent.resolve(file)).strip());
    }

    @Override
    public String threadsFile() {
        return "tasks";
    }
}
