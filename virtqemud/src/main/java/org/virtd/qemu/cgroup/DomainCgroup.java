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
    private final CgroupHost host;
    private final String path;
    private final List<String> controllers;

    /**
     * @param path        relative to each hierarchy's root, without a leading slash
     * @param controllers the controllers in use, all mounted on {@code host}
     */
    public DomainCgroup(CgroupHost host, String path, List<String> controllers) {
        this.host = host;
        this.path = path;
        this.controllers = List.copyOf(controllers);
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
            createV2();
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
            while (Files.isDirectory(dir)) {
                try {
                    Files.delete(dir);
                } catch (IOException e) {
                    if (System.currentTimeMillis() > deadline) {
                        all = false;
                        break;
                    }
                    sleep();
                }
            }
        }
        return all;
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
