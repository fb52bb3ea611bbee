package org.virtd.qemu.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where libvirt puts a guest without systemd-machined: the {@code /machine} partition, then
 * {@code qemu-<id>-<name>.libvirt-qemu} (the machine name plus the driver's suffix). Also finds
 * that place again from a running QEMU's {@code /proc/PID/cgroup}.
 */
public final class CgroupPlacement {
    public static final String PARTITION = "machine";
    static final String SUFFIX = ".libvirt-qemu";
    private static final int MACHINE_NAME_MAX = 64;

    private CgroupPlacement() {
    }

    /** libvirt's machine name: {@code qemu-ID-NAME}, the name cut to what a unit name allows. */
    public static String machineName(int id, String name) {
        StringBuilder sb = new StringBuilder("qemu-").append(id).append('-');
        for (char ch : name.toCharArray()) {
            if (sb.length() >= MACHINE_NAME_MAX) {
                break;
            }
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '-' || ch == '_' || ch == '.') {
                sb.append(ch);
            }
        }
        String out = sb.toString();
        while (out.endsWith("-") || out.endsWith(".")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    /** The guest's cgroup path relative to a hierarchy root, no leading slash. */
    public static String path(int id, String name) {
        return PARTITION + "/" + machineName(id, name) + SUFFIX;
    }

    /**
     * The guest cgroup {@code pid} is in, relative and without a leading slash, read from
     * {@code procRoot/PID/cgroup}: the first hierarchy (legacy or unified) that places it below
     * the partition, a per-thread sub-group such as {@code emulator} cut off; null when the
     * process is gone or is not in a guest cgroup.
     */
    public static String ofProcess(Path procRoot, long pid) {
        String prefix = "/" + PARTITION + "/";
        for (String p : placements(procRoot, pid)) {
            if (!p.startsWith(prefix)) {
                continue;
            }
            String rest = p.substring(prefix.length());
            int slash = rest.indexOf('/');
            String group = slash < 0 ? rest : rest.substring(0, slash);
            if (group.endsWith(SUFFIX)) {
                return PARTITION + "/" + group;
            }
        }
        return null;
    }

    /**
     * Where {@code procRoot/PID/cgroup} places {@code pid}: each hierarchy's path, in the
     * file's order; empty when the process is gone.
     */
    static List<String> placements(Path procRoot, long pid) {
        List<String> out = new ArrayList<>();
        String text;
        try {
            text = Files.readString(procRoot.resolve(Long.toString(pid)).resolve("cgroup"));
        } catch (IOException e) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length == 3) {
                out.add(f[2].strip());
            }
        }
        return out;
    }
}
