package org.virtd.qemu.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One guest's cgroup: the same relative path ({@code machine/qemu-1-vm.libvirt-qemu}) in each
 * hierarchy of the controllers it uses, each controller in the backend {@link CgroupHost} gave
 * it (on a hybrid host both a legacy and the unified tree). Removing it removes only the
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

    /** Whether {@code controller} is the unified tree's here, and so uses its files. */
    public boolean unified(String controller) {
        return host.backend(controller).unified();
    }

    /** The directory of {@code controller}'s hierarchy for this guest. */
    public Path dir(String controller) {
        return host.backend(controller).dir(controller, path);
    }

    /** Each distinct directory once: one per v1 hierarchy, a single one for all of v2's. */
    public List<Path> dirs() {
        Set<Path> out = new LinkedHashSet<>();
        for (String c : controllers) {
            out.add(dir(c));
        }
        return new ArrayList<>(out);
    }

    /** Makes the directories (and the partition above them) in each backend, ready for QEMU to join. */
    public void create() throws IOException {
        for (Map.Entry<CgroupBackend, List<String>> e : byBackend().entrySet()) {
            e.getKey().create(path, e.getValue(), thread);
        }
    }

    /** This group's controllers grouped by the backend owning them, in controller order. */
    private Map<CgroupBackend, List<String>> byBackend() {
        Map<CgroupBackend, List<String>> out = new LinkedHashMap<>();
        for (String c : controllers) {
            out.computeIfAbsent(host.backend(c), b -> new ArrayList<>()).add(c);
        }
        return out;
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
     * each legacy hierarchy, {@code cgroup.threads} of the unified tree.
     */
    public void addThread(long tid) throws IOException {
        Set<Path> done = new LinkedHashSet<>();
        for (String c : controllers) {
            CgroupBackend b = host.backend(c);
            Path d = b.dir(c, path);
            if (done.add(d)) {
                Files.writeString(d.resolve(b.threadsFile()), Long.toString(tid));
            }
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
