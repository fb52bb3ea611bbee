package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;

import java.util.BitSet;

/**
 * Slot bookkeeping on PCI bus 0 for the {@code pc} machine (qemuDomainAssignDevicePCISlots in
 * its simplest form): slot 0 is the host bridge, slot 1 the PIIX3 (IDE 1.1, USB 1.2), the
 * primary video is put in slot 2; every other PCI device takes the lowest free slot in the
 * order libvirt visits them.
 */
final class PciSlots {

    private static final int SLOTS = 32;
    private final BitSet used = new BitSet(SLOTS);

    PciSlots(boolean q35) {
        used.set(0);
        if (q35) {
            used.set(0x1f);
        } else {
            used.set(1);
        }
    }

    /** Marks a user-given pci address on bus 0 as taken. */
    void reserve(DeviceAddress address) {
        if (address != null && "pci".equals(address.type()) && address.number("bus") <= 0
                && address.number("slot") >= 0 && address.number("slot") < SLOTS) {
            used.set(address.number("slot"));
        }
    }

    /** The given address normalised, or the next free slot on bus 0. */
    DeviceAddress assign(DeviceAddress given) {
        if (given != null) {
            return normalise(given);
        }
        int slot = used.nextClearBit(1);
        if (slot >= SLOTS) {
            throw new IllegalStateException("no free PCI slot");
        }
        used.set(slot);
        return DeviceAddress.pci(0, slot, 0);
    }

    /** libvirt prints pci addresses with fixed widths (bus 0x00, slot 0x03, function 0x0). */
    static DeviceAddress normalise(DeviceAddress a) {
        if (!"pci".equals(a.type())) {
            return a;
        }
        DeviceAddress p = DeviceAddress.pci(Math.max(a.number("bus"), 0), Math.max(a.number("slot"), 0),
                Math.max(a.number("function"), 0));
        if (a.get("multifunction") == null) {
            return p;
        }
        var attrs = new java.util.ArrayList<>(p.attributes());
        attrs.add(new DeviceAddress.Attribute("multifunction", a.get("multifunction")));
        return new DeviceAddress("pci", attrs);
    }
}
