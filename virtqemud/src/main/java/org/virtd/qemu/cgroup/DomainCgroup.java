package org.virtd.qemu.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One guest's cgroup: the same relative path ({@code machine/qemu-1-vm.libvirt-qemu}) in each
 * hierarchy of the controllers it uses. Creating it fills in what a v1 cpuset child needs before
 * a task may join and enables the controllers of a v2 parent; removing it removes only the
 * guest's own directories, the partition stays for the next guest as with libvirt.
 */
public final class DomainCgroup {
    /** The controllers a per-thread sub-group (vcpuN, emulator, iothreadN) uses, as libvirt's. */
    private static final List<String> THREAD_CONTROLLERS = List.of("cpu", "cpuacct", "cpuset");

    private final CgroupHost host;
    private final String path;
    private final List<String> controllers;
    /** A per-thread sub-group: v2 makes it {@code threaded}, tasks join it one thread at a time. */
    private final boolean thread;

    /**
     * @param path        relative to each hierarchy's root, without a leading slash
     * @param controllers the controllers in use, all mounted on {@code host}
     */
    public DomainCgroup(CgroupHost host, String path, List<String> controllers) {
        this(host, path, controllers, false);
    }

    private DomainCgroup(CgroupHost host, String path, List<String> controllers, boolean thread) {
        this.host = host;
        this.path = path;
        this.controllers = List.copyOf(controllers);
        this.thread = thread;
    }

    /**
     * The per-thread sub-group {@code name} of this guest's cgroup (whether or not it exists), in
     * the hierarchies of the CPU controllers this guest uses; null when it uses none of them.
     */
    public DomainCgroup thread(String name) {
        List<String> use = new ArrayList<>(THREAD_CONTROLLERS);
        use.retainAll(controllers);
        return use.isEmpty() ? null : new DomainCgroup(host, path + "/" + name, use, true);
    }

    /** Whether the directories exist (all of them: a half-made group counts as missing). */
    public boolean exists() {
        for (Path d : dirs()) {
            if (!Files.isDirectory(d)) {
                return false;
            }
        }
        return true;
    }

    /** The path as {@code /proc/PID/cgroup} and the live XML's partition print it. */
    public String path() {
        return "/" + path;
    }

    public List<String> controllers() {
        return controllers;
    }

    public boolean has(String controller) {
        return controllers.contains(controller);
    }

    public boolean unified() {
        return host.unified();
    }

    /** The directory of {@code controller}'s hierarchy for this guest. */
    public Path dir(String controller) {
        return host.mount(controller).resolve(path);
    }

    /** Each distinct directory once: one per v1 hierarchy, a single one for v2. */
    public List<Path> dirs() {
        Set<Path> out = new LinkedHashSet<>();
        for (String c : controllers) {
            out.add(dir(c));
        }
        return new ArrayList<>(out);
    }

    /** Makes the directories (and the partition above them), ready for QEMU to join. */
    public void create() throws IOException {
        if (host.unified()) {
            if (thread) {
                createThreadedV2();
            } else {
                createV2();
            }
            return;
        }
        for (String c : controllers) {
            Path mount = host.mount(c);
            Path dir = mount;
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

    private void createV2() throws IOException {
        Path dir = host.v2Root();
        for (String part : path.split("/")) {
            enableControllers(dir);
            dir = dir.resolve(part);
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
            }
        }
    }

    /**
     * A v2 per-thread group must be {@code threaded} before its parent, which holds QEMU, may hand
     * it the CPU controllers: a threaded subtree is exempt from the no-internal-process rule.
     */
    private void createThreadedV2() throws IOException {
        Path dir = host.v2Root().resolve(path);
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir);
        }
        Path type = dir.resolve("cgroup.type");
        if (!Files.exists(type) || !Files.readString(type).strip().equals("threaded")) {
            Files.writeString(type, "threaded");
        }
        enableControllers(dir.getParent());
    }

    /** Lets the children of a v2 directory use the controllers this guest needs. */
    private void enableControllers(Path dir) {
        Set<String> names = new LinkedHashSet<>();
        for (String c : controllers) {
            switch (c) {
                case "cpu", "cpuacct" -> names.add("cpu");
                case "blkio" -> names.add("io");
                case "memory", "cpuset" -> names.add(c);
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

    private static void inherit(Path parent, Path dir, String file) throws IOException {
        Path target = dir.resolve(file);
        if (!Files.exists(target) || !Files.readString(target).isBlank()) {
            return;
        }
        Files.writeString(target, Files.readString(parent.resolve(file)).strip());
    }

    /**
     * Removes the guest's directories once no task is left in them; QEMU may still be exiting
     * for a moment after its monitor closed, so this waits up to {@code waitMillis}.
     */
    public boolean remove(long waitMillis) {
        long deadline = System.currentTimeMillis() + waitMillis;
        boolean all = true;
        for (Path dir : dirs()) {
            all &= removeTree(dir, deadline);
        }
        return all;
    }

    /** Removes {@code dir}, its sub-groups first (the kernel refuses a cgroup that has children). */
    private static boolean removeTree(Path dir, long deadline) {
        boolean all = true;
        for (Path child : subgroups(dir)) {
            all &= removeTree(child, deadline);
        }
        while (Files.isDirectory(dir)) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    return false;
                }
                sleep();
            }
        }
        return all;
    }

    private static List<Path> subgroups(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The names of this group's existing sub-groups that start with {@code prefix}, as a guest
     * re-attached after a restart finds the per-thread groups an earlier daemon made.
     */
    public List<String> subgroupNames(String prefix) {
        Path first = dirs().get(0);
        List<String> out = new ArrayList<>();
        for (Path p : subgroups(first)) {
            String n = p.getFileName().toString();
            if (n.startsWith(prefix)) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * Moves thread {@code tid} (not its whole process) into this group: v1's {@code tasks} of
     * each hierarchy, v2's {@code cgroup.threads}.
     */
    public void addThread(long tid) throws IOException {
        for (Path d : dirs()) {
            Files.writeString(d.resolve(host.unified() ? "cgroup.threads" : "tasks"), Long.toString(tid));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes {@code value} into {@code file} of {@code controller}'s directory. */
    public void write(String controller, String file, String value) throws IOException {
        Files.writeString(dir(controller).resolve(file), value);
    }

    /** The content of {@code file}, stripped; null when the file does not exist. */
    public String read(String controller, String file) throws IOException {
        Path p = dir(controller).resolve(file);
        return Files.exists(p) ? Files.readString(p).strip() : null;
    }

    public boolean exists(String controller, String file) {
        return Files.exists(dir(controller).resolve(file));
    }

    /**
     * The start of a command line that puts itself into this cgroup and then execs the rest:
     * joining before exec charges all of QEMU's memory to the guest.
     */
    public List<String> joinCommand() {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c",
                "while [ \"$1\" != -- ]; do echo $$ > \"$1/cgroup.procs\" || exit 126; shift; done; shift; exec \"$@\"",
                "virtd-cgroup-join"));
        for (Path d : dirs()) {
            cmd.add(d.toString());
        }
        cmd.add("--");
        return cmd;
    }
}
