package org.virtd.qemu.stats;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.Devices.DiskDef;

import java.util.List;

/**
 * Finding a domain's disk by what a stats call names (libvirt's virDomainDiskByName): the
 * target ({@code vda}) or the source path; and the QEMU node name of its top format layer: the
 * number of its source in a running guest ({@code <source index=>}: snapshots, copies and
 * hot-plugged disks take new ones), else the start's count (the last disk {@code libvirt-1-format}).
 */
public final class Disks {
    private Disks() {
    }

    /** The index of the disk named {@code name} by target or source; -1 when none. */
    public static int indexOf(DomainDef def, String name) {
        List<DiskDef> disks = disks(def);
        for (int i = 0; i < disks.size(); i++) {
            if (disks.get(i).targetDev() != null && disks.get(i).targetDev().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < disks.size(); i++) {
            if (disks.get(i).source() != null && disks.get(i).source().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public static List<DiskDef> disks(DomainDef def) {
        return def.devices() == null ? List.of() : def.devices().disks();
    }

    public static String formatNode(DomainDef def, int index) {
        DiskDef d = disks(def).get(index);
        return "libvirt-" + (d.sourceIndex() > 0 ? d.sourceIndex() : disks(def).size() - index) + "-format";
    }
}
