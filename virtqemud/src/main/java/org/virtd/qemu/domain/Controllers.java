package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.DiskDef;

import java.util.List;

/**
 * Default and implicit controllers of a QEMU x86 guest (qemu-driver.md §2): the USB controller
 * (piix3-uhci on pc, qemu-xhci on q35), the PCI root, SATA on q35 and one IDE/SCSI/SATA
 * controller per controller number the disks use; inserted the way virDomainControllerInsert
 * groups them, and given their fixed or allocated PCI addresses.
 */
final class Controllers {

    private Controllers() {
    }

    static void addDefaults(List<ControllerDef> controllers, List<DiskDef> disks, boolean q35) {
        for (int i = 0; i < controllers.size(); i++) {
            ControllerDef c = controllers.get(i);
            int index = c.index() >= 0 ? c.index() : nextIndex(controllers.subList(0, i), c.type());
            controllers.set(i, c.with(index, c.model() != null ? c.model() : defaultModel(c.type(), q35),
                    c.address()));
        }
        maybeAdd(controllers, "usb", 0, q35 ? "qemu-xhci" : "piix3-uhci");
        if (q35) {
            maybeAdd(controllers, "sata", 0, null);
            maybeAdd(controllers, "pci", 0, "pcie-root");
        } else {
            maybeAdd(controllers, "pci", 0, "pci-root");
        }
        for (String bus : new String[]{"ide", "scsi", "sata"}) {
            for (DiskDef d : disks) {
                if (d.targetBus().equals(bus) && d.address() != null && "drive".equals(d.address().type())) {
                    maybeAdd(controllers, bus, d.address().number("controller"), defaultModel(bus, q35));
                }
            }
        }
    }

    private static String defaultModel(String type, boolean q35) {
        return switch (type) {
            case "usb" -> q35 ? "qemu-xhci" : "piix3-uhci";
            case "scsi" -> "lsilogic";
            case "pci" -> q35 ? "pcie-root" : "pci-root";
            default -> null;
        };
    }

    private static int nextIndex(List<ControllerDef> before, String type) {
        return before.stream().filter(c -> c.type().equals(type)).mapToInt(ControllerDef::index).max().orElse(-1) + 1;
    }

    private static void maybeAdd(List<ControllerDef> controllers, String type, int index, String model) {
        if (controllers.stream().anyMatch(c -> c.type().equals(type) && c.index() == index)) {
            return;
        }
        ControllerDef c = new ControllerDef(type, index, model, null, null, null, null);
        int insertAt = -1;
        for (int i = controllers.size() - 1; i >= 0; i--) {
            ControllerDef cur = controllers.get(i);
            if (!cur.type().equals(type)) {
                continue;
            }
            if (cur.index() > index) {
                insertAt = i;
            } else if (insertAt == -1) {
                insertAt = i + 1;
            }
        }
        controllers.add(insertAt < 0 ? controllers.size() : insertAt, c);
    }

    /** Fixed addresses (PIIX3 functions, q35 SATA) first, then free slots in list order. */
    static void assignPci(List<ControllerDef> controllers, PciSlots pci, boolean q35) {
        for (int i = 0; i < controllers.size(); i++) {
            ControllerDef c = controllers.get(i);
            DeviceAddress fixed = fixedAddress(c, q35);
            if (c.address() != null) {
                controllers.set(i, c.with(c.index(), c.model(), PciSlots.normalise(c.address())));
            } else if (fixed != null) {
                controllers.set(i, c.with(c.index(), c.model(), fixed));
            }
        }
        for (int i = 0; i < controllers.size(); i++) {
            ControllerDef c = controllers.get(i);
            if (c.address() == null && needsPciSlot(c)) {
                controllers.set(i, c.with(c.index(), c.model(), pci.assign(null)));
            }
        }
    }

    private static DeviceAddress fixedAddress(ControllerDef c, boolean q35) {
        if (c.index() != 0) {
            return null;
        }
        if (!q35 && c.type().equals("usb") && "piix3-uhci".equals(c.model())) {
            return DeviceAddress.pci(0, 1, 2);
        }
        if (!q35 && c.type().equals("ide")) {
            return DeviceAddress.pci(0, 1, 1);
        }
        if (q35 && c.type().equals("sata")) {
            return DeviceAddress.pci(0, 0x1f, 2);
        }
        return null;
    }

    private static boolean needsPciSlot(ControllerDef c) {
        return switch (c.type()) {
            case "usb" -> !"none".equals(c.model());
            case "scsi", "virtio-serial", "sata", "ide" -> true;
            default -> false;
        };
    }
}
