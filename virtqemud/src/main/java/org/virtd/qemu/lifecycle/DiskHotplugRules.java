package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DiskOrder;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * Which disks libvirt lets a running guest gain or lose, with its refusals: floppies are never
 * plugged, an IDE or SATA disk needs its controller (QEMU itself then refuses the hotplug on those
 * buses), and only virtio, SCSI and USB disks (and SCSI/USB cdroms) are ever unplugged.
 */
public final class DiskHotplugRules {

    private DiskHotplugRules() {
    }

    /**
     * Refuses plugging what libvirt refuses before it names the disk's block nodes: floppies, fdc
     * disks, a second PIIX3 IDE controller, a SATA disk on a guest without any SATA controller
     * (the last as the differential suite saw libvirtd number nodes in hotplug.scn).
     */
    static void checkKind(DiskDef disk, DomainDef live) throws VirtException {
        if ("floppy".equals(disk.device())) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "floppy device hotplug isn't supported");
        }
        String bus = disk.targetBus();
        if ("fdc".equals(bus)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "Invalid bus type 'fdc' for disk");
        }
        boolean i440fx = live.os().machine() == null || !live.os().machine().contains("q35");
        int controller = "ide".equals(bus) || "sata".equals(bus) ? driveAddress(disk).number("controller") : 0;
        if ("ide".equals(bus) && i440fx && controller > 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "Only 1 IDE controller is supported");
        }
        if ("sata".equals(bus) && live.devices().controllers().stream().noneMatch(c -> "sata".equals(c.type()))) {
            throw missing(bus, controller);
        }
    }

    private static VirtException missing(String bus, int controller) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "Could not find " + bus
                + " controller with index " + controller + " required for device");
    }

    /** Refuses an IDE or SATA disk whose controller {@code live} lacks (its node number is spent by then). */
    static void checkController(DiskDef disk, DomainDef live) throws VirtException {
        String bus = disk.targetBus();
        if ("ide".equals(bus) || "sata".equals(bus)) {
            int controller = driveAddress(disk).number("controller");
            boolean i440fx = live.os().machine() == null || !live.os().machine().contains("q35");
            if ("ide".equals(bus) && i440fx) {
                // the PIIX3's own IDE controller, whether the definition lists it or not
                return;
            }
            boolean found = false;
            for (ControllerDef c : live.devices().controllers()) {
                found |= bus.equals(c.type()) && Math.max(c.index(), 0) == controller;
            }
            if (!found) {
                throw missing(bus, controller);
            }
        }
    }

    /** The drive address an IDE or SATA disk gets from its target when it has none. */
    static DeviceAddress driveAddress(DiskDef disk) {
        if (disk.address() != null && "drive".equals(disk.address().type())) {
            return disk.address();
        }
        int idx = Math.max(DiskOrder.targetIndex(disk.targetDev()), 0);
        return "sata".equals(disk.targetBus()) ? DeviceAddress.drive(idx / 6, 0, 0, idx % 6)
                : DeviceAddress.drive(idx / 4, (idx % 4) / 2, 0, idx % 2);
    }

    /** Refuses unplugging {@code disk} where libvirt does. */
    public static void checkUnplug(DiskDef disk) throws VirtException {
        String bus = disk.targetBus();
        boolean removable = "cdrom".equals(disk.device()) || "floppy".equals(disk.device());
        if (removable && !("cdrom".equals(disk.device()) && ("scsi".equals(bus) || "usb".equals(bus)))) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "disk device type '" + disk.device() + "' cannot be detached");
        }
        if (!removable && !"virtio".equals(bus) && !"scsi".equals(bus) && !"usb".equals(bus)) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "This type of disk cannot be hot unplugged");
        }
    }
}
