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
 * do not exist on this host (no /dev/kvm) are skipped as libvirt skips them. On v2 the same
 * rules go into the guest's {@link DeviceFilter} (a BPF device program), attached before QEMU
 * joins. Devices plugged in later are allowed and denied one by one the same two ways.
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

    /** Denies all, then allows {@link #rules}; nothing without the devices controller. */
    static void apply(DomainCgroup cg, DeviceFilters filters, List<String> acl, List<Disk> disks) throws IOException {
        if (!cg.has("devices")) {
            return;
        }
        List<String> rules = rules(acl, disks);
        if (cg.unified("devices")) {
            try (DeviceFilter f = filters.attach(cg.dir("devices"))) {
                for (String rule : rules) {
                    f.allow(DeviceRule.parse(rule));
                }
            }
            return;
        }
        cg.write("devices", "devices.deny", "a");
        for (String rule : rules) {
            cg.write("devices", "devices.allow", rule);
        }
    }

    /**
     * Allows the node {@code path} ({@code access} of "rwm") to a running guest; nothing when it
     * is not a device node or the guest has no devices controller.
     */
    static void allow(DomainCgroup cg, DeviceFilters filters, String path, String access) throws IOException {
        change(cg, filters, path, access, true);
    }

    /** Takes all access to the node {@code path} away from a running guest. */
    static void deny(DomainCgroup cg, DeviceFilters filters, String path) throws IOException {
        change(cg, filters, path, "rwm", false);
    }

    private static void change(DomainCgroup cg, DeviceFilters filters, String path, String access, boolean allow)
            throws IOException {
        String rule = path == null || !cg.has("devices") ? null : rule(Path.of(path), access);
        if (rule == null) {
            return;
        }
        if (!cg.unified("devices")) {
            cg.write("devices", allow ? "devices.allow" : "devices.deny", rule);
            return;
        }
        try (DeviceFilter f = filters.find(cg.dir("devices"))) {
            // a guest without a filter (started where none was attached) has nothing to change
            if (f != null) {
                if (allow) {
                    f.allow(DeviceRule.parse(rule));
                } else {
                    f.deny(DeviceRule.parse(rule));
                }
            }
        }
    }
}
