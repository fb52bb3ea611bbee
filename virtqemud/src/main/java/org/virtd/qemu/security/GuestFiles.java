package org.virtd.qemu.security;

import org.virtd.conf.domain.BackingChain;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.hostnet.HostNics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host files a guest's QEMU opens itself, as libvirt's DAC driver lists them: disk images
 * and their backing chains, kernel and initrd, the NVRAM store, and file or log outputs of the
 * character devices. Block devices under {@code /dev} are also nodes of its private {@code /dev}.
 */
public final class GuestFiles {
    /**
     * A file and whether its owner is remembered and given back at stop: not for backing images,
     * read-only disks and CD-ROMs, which other guests may be using (libvirt leaves them as set).
     * An {@code output} (a character device's file or log) is created first when missing.
     */
    public record GuestFile(Path path, boolean restore, boolean output) {
    }

    private static final Path TUN = Path.of("/dev/net/tun");
    private static final Path VHOST_NET = Path.of("/dev/vhost-net");

    private GuestFiles() {
    }

    public static List<GuestFile> of(DomainDef def) {
        Map<Path, GuestFile> out = new LinkedHashMap<>();
        Devices dev = def.devices() == null ? Devices.empty() : def.devices();
        for (Devices.DiskDef d : dev.disks()) {
            if (d.source() == null || !("file".equals(d.type()) || "block".equals(d.type()))) {
                continue;
            }
            boolean shared = d.readonly() || "cdrom".equals(d.device());
            add(out, d.source(), !shared, false);
            for (BackingChain.Layer l : d.backing().layers()) {
                if (l.source() != null && ("file".equals(l.type()) || "block".equals(l.type()))) {
                    add(out, l.source(), false, false);
                }
            }
        }
        if (def.os() != null) {
            add(out, def.os().kernel(), true, false);
            add(out, def.os().initrd(), true, false);
            if (def.os().firmware() != null && def.os().firmware().nvram() != null) {
                add(out, def.os().firmware().nvram().path(), true, false);
            }
        }
        List<Devices.CharDevDef> chars = new ArrayList<>(dev.serials());
        chars.addAll(dev.consoles());
        for (Devices.CharDevDef c : chars) {
            if ("file".equals(c.type())) {
                add(out, c.sourcePath(), true, true);
            }
            add(out, c.logFile(), true, true);
        }
        return List.copyOf(out.values());
    }

    /**
     * The nodes QEMU opens itself besides libvirt's default ones, for its private {@code /dev}:
     * block devices among its disks, an RNG's host device, and the tap and vhost-net nodes.
     */
    public static List<Path> deviceNodes(DomainDef def) {
        List<Path> nodes = new ArrayList<>(of(def).stream().map(GuestFile::path).filter(p -> p.startsWith("/dev/")).toList());
        Devices dev = def.devices() == null ? Devices.empty() : def.devices();
        for (Devices.RngDef r : dev.rngs()) {
            if ("random".equals(r.backendModel()) && r.backendSource() != null && r.backendSource().startsWith("/dev/")) {
                nodes.add(Path.of(r.backendSource()));
            }
        }
        // QEMU opens the taps we create by name, and vhost-net beside them on KVM
        if (dev.interfaces().stream().anyMatch(HostNics::tapType)) {
            nodes.add(TUN);
            if ("kvm".equals(def.type()) && Files.exists(VHOST_NET)) {
                nodes.add(VHOST_NET);
            }
        }
        return List.copyOf(nodes);
    }

    private static void add(Map<Path, GuestFile> out, String path, boolean restore, boolean output) {
        if (path == null || path.isEmpty() || !path.startsWith("/")) {
            return;
        }
        Path p = Path.of(path);
        GuestFile old = out.get(p);
        out.put(p, new GuestFile(p, restore || (old != null && old.restore()), output));
    }
}
