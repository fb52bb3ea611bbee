package org.virtd.qemu.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The v1 devices controller's list for a guest: everything denied, then read-write access to
 * the nodes of {@code cgroup_device_acl}, to the pseudo-terminals (major 136) the serial
 * consoles use, and to the block devices among its disks (read-only disks read only). Paths that
 * do not exist on this host (no /dev/kvm) are skipped as libvirt skips them. On v2 the same list
 * would need an eBPF program, which this daemon does not load: the rules apply on v1 only.
 */
public final class DeviceAcl {
    static final int PTY_MAJOR = 136;

    private DeviceAcl() {
    }

    /** A disk the guest opens: its source path and whether it is read only. */
    public record Disk(String path, boolean readOnly) {
    }

    /** The {@code devices.allow} lines, in the order they are written. */
    static List<String> rules(List<String> acl, List<Disk> disks) {
        List<String> out = new ArrayList<>();
        for (String path : acl) {
            String rule = rule(Path.of(path), "rw");
            if (rule != null) {
                out.add(rule);
            }
        }
        out.add("c " + PTY_MAJOR + ":* rw");
        for (Disk d : disks) {
            if (d.path() == null) {
                continue;
            }
            String rule = rule(Path.of(d.path()), d.readOnly() ? "r" : "rw");
            if (rule != null && !out.contains(rule)) {
                out.add(rule);
            }
        }
        return out;
    }

    private static String rule(Path p, String access) {
        try {
            if (!Files.exists(p)) {
                return null;
            }
            Path real = p.toRealPath();
            char type = DeviceNodes.isBlock(real) ? 'b' : DeviceNodes.isChar(real) ? 'c' : 0;
            if (type == 0) {
                return null;
            }
            return type + " " + DeviceNodes.numbers(real) + " " + access;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Denies all, then allows {@link #rules}; nothing on v2 or without the devices controller. */
    static void apply(DomainCgroup cg, List<String> acl, List<Disk> disks) throws IOException {
        if (!cg.has("devices") || cg.unified()) {
            return;
        }
        cg.write("devices", "devices.deny", "a");
        for (String rule : rules(acl, disks)) {
            cg.write("devices", "devices.allow", rule);
        }
    }
}
