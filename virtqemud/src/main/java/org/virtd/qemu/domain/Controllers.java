package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.DiskDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
            List<ControllerDef> before = controllers.subList(0, i);
            // a companion without an index belongs to the USB controller written before it
            int index = c.index() >= 0 ? c.index()
                    : c.isCompanion() ? lastIndex(before, c.type()) : nextIndex(before, c.type());
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

    /** The virtio-serial controller virtio channels need, when none is written. */
    static void addVirtioSerial(List<ControllerDef> controllers) {
        maybeAdd(controllers, "virtio-serial", 0, null);
    }

    /** Whether a controller is a PCIe endpoint on q35 (and so wants a root port). */
    static boolean isPcie(ControllerDef c) {
        if (!needsPciSlot(c) || usb2Function(c) >= 0) {
            return false;
        }
        return switch (c.type()) {
            case "usb" -> "qemu-xhci".equals(c.model()) || "nec-xhci".equals(c.model());
            case "virtio-serial" -> true;
            case "scsi" -> "virtio-scsi".equals(c.model());
            default -> false;
        };
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

    private static int lastIndex(List<ControllerDef> before, String type) {
        for (int i = before.size() - 1; i >= 0; i--) {
            if (before.get(i).type().equals(type)) {
                return before.get(i).index();
            }
        }
        return 0;
    }

    private static void maybeAdd(List<ControllerDef> controllers, String type, int index, String model) {
        if (controllers.stream().anyMatch(c -> c.type().equals(type) && c.index() == index)) {
            return;
        }
        ControllerDef c = new ControllerDef(type, index, model, null, null, null, null, null);
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

    /** Given addresses normalised and the fixed ones (PIIX3 functions, q35 SATA) set. */
    static void assignFixed(List<ControllerDef> controllers, boolean q35) {
        for (int i = 0; i < controllers.size(); i++) {
            ControllerDef c = controllers.get(i);
            DeviceAddress fixed = fixedAddress(c, q35);
            if (c.address() != null) {
                controllers.set(i, c.with(c.index(), c.model(), PciSlots.normalise(c.address())));
            } else if (fixed != null) {
                controllers.set(i, c.with(c.index(), c.model(), fixed));
            }
        }
    }

    /**
     * Free slots in list order, taken when libvirt's walk reaches the controllers (after the
     * NICs). An EHCI controller and its UHCI companions share one slot: EHCI at function 7, the
     * companions at 0 to 2, function 0 marked multifunction.
     */
    static void assignSlots(List<ControllerDef> controllers, PciSlots pci, boolean q35) {
        Map<Integer, DeviceAddress> usb2Slots = new HashMap<>();
        for (int i = 0; i < controllers.size(); i++) {
            ControllerDef c = controllers.get(i);
            if (c.address() != null || !needsPciSlot(c)) {
                continue;
            }
            int function = usb2Function(c);
            if (function < 0) {
                controllers.set(i, c.with(c.index(), c.model(),
                        q35 && isPcie(c) ? pci.assignPcie(null) : pci.assign(null)));
                continue;
            }
            int slot = usb2Slots.computeIfAbsent(c.index(), k -> pci.assign(null)).number("slot");
            DeviceAddress a = DeviceAddress.pci(0, slot, function);
            if (function == 0) {
                List<DeviceAddress.Attribute> attrs = new ArrayList<>(a.attributes());
                attrs.add(new DeviceAddress.Attribute("multifunction", "on"));
                a = new DeviceAddress("pci", attrs);
            }
            controllers.set(i, c.with(c.index(), c.model(), a));
        }
    }

    /** The PCI function of a USB2 set member (ICH9 EHCI and its UHCIs), or -1 for anything else. */
    private static int usb2Function(ControllerDef c) {
        if (!c.type().equals("usb") || c.model() == null) {
            return -1;
        }
        return switch (c.model()) {
            case "ich9-ehci1" -> 7;
            case "ich9-uhci1" -> 0;
            case "ich9-uhci2" -> 1;
            case "ich9-uhci3" -> 2;
            default -> -1;
        };
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
