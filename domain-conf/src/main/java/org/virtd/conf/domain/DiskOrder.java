package org.virtd.conf.domain;

import org.virtd.conf.domain.Devices.DiskDef;

import java.util.List;

/**
 * Where libvirt puts a disk in the domain's list (virDomainDiskInsert: after the disks of the
 * same bus with a lower target index, before those with a higher one, else at the end), the
 * bus implied by a target name and the index of a target name ({@code hda}=0, {@code sdaa}=26).
 */
public final class DiskOrder {

    private DiskOrder() {
    }

    public static void insert(List<DiskDef> disks, DiskDef disk) {
        int insertAt = -1;
        int index = targetIndex(disk.targetDev());
        for (int i = disks.size() - 1; i >= 0; i--) {
            DiskDef d = disks.get(i);
            if (!d.targetBus().equals(disk.targetBus())) {
                continue;
            }
            if (targetIndex(d.targetDev()) > index) {
                insertAt = i;
            } else if (insertAt == -1) {
                insertAt = i + 1;
            }
        }
        disks.add(insertAt < 0 ? disks.size() : insertAt, disk);
    }

    /** The bus libvirt assumes for a target name without {@code bus=}. */
    static String busFromTarget(String dev) {
        if (dev.startsWith("hd")) {
            return "ide";
        }
        if (dev.startsWith("sd")) {
            return "scsi";
        }
        if (dev.startsWith("vd")) {
            return "virtio";
        }
        if (dev.startsWith("xvd")) {
            return "xen";
        }
        if (dev.startsWith("ub")) {
            return "usb";
        }
        if (dev.startsWith("fd")) {
            return "fdc";
        }
        return "ide";
    }

    /** virDiskNameToIndex: the letters after the prefix as a bijective base-26 number; -1 if none. */
    public static int targetIndex(String dev) {
        int start = 0;
        for (String p : new String[]{"xvd", "fd", "hd", "vd", "sd", "ubd"}) {
            if (dev.startsWith(p)) {
                start = p.length();
                break;
            }
        }
        int idx = 0;
        int i = start;
        for (; i < dev.length() && Character.isLowerCase(dev.charAt(i)); i++) {
            idx = (idx + (i == start ? 0 : 1)) * 26 + (dev.charAt(i) - 'a');
        }
        return i == start ? -1 : idx;
    }
}
