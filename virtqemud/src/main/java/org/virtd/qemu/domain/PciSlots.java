package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PCI address bookkeeping in the spirit of qemuDomainAssignDevicePCISlots. On {@code pc}, bus 0
 * only: slot 0 is the host bridge, slot 1 the PIIX3 (IDE 1.1, USB 1.2) and every device takes
 * the lowest free slot in the order libvirt visits them. On q35, conventional devices still go
 * to bus 0 (00:1f is the ICH9 LPC/SATA), while PCIe endpoints take slot 0 of the first free
 * {@code pcie-root-port} bus, and root ports themselves fill the functions of one bus-0 slot
 * after another.
 */
final class PciSlots {

    private static final int SLOTS = 32;
    private static final int FUNCTIONS = 8;
    /** bus → used slot*8+function. */
    private final Map<Integer, BitSet> used = new HashMap<>();
    private final List<Integer> portBuses = new ArrayList<>();
    private int aggregateSlot = -1;

    PciSlots(boolean q35) {
        useSlot(0, 0);
        useSlot(0, q35 ? 0x1f : 1);
    }

    /** Buses (controller indexes) that take one PCIe endpoint each, in index order. */
    void addPortBus(int bus) {
        portBuses.add(bus);
        portBuses.sort(Integer::compare);
    }

    /** Marks a user-given (or fixed) pci address as taken. */
    void reserve(DeviceAddress address) {
        if (address != null && "pci".equals(address.type()) && address.number("slot") >= 0
                && address.number("slot") < SLOTS) {
            int function = Math.max(address.number("function"), 0);
            bits(Math.max(address.number("bus"), 0)).set(address.number("slot") * FUNCTIONS + function);
        }
    }

    boolean isFree(int bus, int slot) {
        return bits(bus).get(slot * FUNCTIONS, slot * FUNCTIONS + FUNCTIONS).isEmpty();
    }

    /** The given address normalised, or the next free slot on bus 0. */
    DeviceAddress assign(DeviceAddress given) {
        if (given != null) {
            return normalise(given);
        }
        int slot = nextFreeSlot();
        useSlot(0, slot);
        return DeviceAddress.pci(0, slot, 0);
    }

    /** The given address normalised, or slot 0 of the first free root port (bus 0 when there is none). */
    DeviceAddress assignPcie(DeviceAddress given) {
        if (given != null) {
            return normalise(given);
        }
        for (int bus : portBuses) {
            if (isFree(bus, 0)) {
                useSlot(bus, 0);
                return DeviceAddress.pci(bus, 0, 0);
            }
        }
        return assign(null);
    }

    /** Free PCIe ports left, for deciding how many root ports to add. */
    int freePorts() {
        return (int) portBuses.stream().filter(b -> isFree(b, 0)).count();
    }

    /** The next function of the bus-0 slot root ports share; function 0 of a new slot when it is full. */
    DeviceAddress assignAggregated() {
        if (aggregateSlot >= 0) {
            BitSet b = bits(0);
            for (int f = 0; f < FUNCTIONS; f++) {
                if (!b.get(aggregateSlot * FUNCTIONS + f)) {
                    b.set(aggregateSlot * FUNCTIONS + f);
                    return DeviceAddress.pci(0, aggregateSlot, f);
                }
            }
        }
        aggregateSlot = nextFreeSlot();
        bits(0).set(aggregateSlot * FUNCTIONS);
        return DeviceAddress.pci(0, aggregateSlot, 0);
    }

    /** Whether a bus-0 slot has any function besides 0 in use (its function 0 is then multifunction). */
    boolean hasOtherFunctions(int slot) {
        return !bits(0).get(slot * FUNCTIONS + 1, slot * FUNCTIONS + FUNCTIONS).isEmpty();
    }

    private int nextFreeSlot() {
        for (int slot = 1; slot < SLOTS; slot++) {
            if (isFree(0, slot)) {
                return slot;
            }
        }
        throw new IllegalStateException("no free PCI slot");
    }

    private void useSlot(int bus, int slot) {
        bits(bus).set(slot * FUNCTIONS);
    }

    private BitSet bits(int bus) {
        return used.computeIfAbsent(bus, b -> new BitSet(SLOTS * FUNCTIONS));
    }

    /** libvirt prints pci addresses with fixed widths (bus 0x00, slot 0x03, function 0x0). */
    static DeviceAddress normalise(DeviceAddress a) {
        if (!"pci".equals(a.type())) {
            return a;
        }
        DeviceAddress p = DeviceAddress.pci(Math.max(a.number("bus"), 0), Math.max(a.number("slot"), 0),
                Math.max(a.number("function"), 0));
        return a.get("multifunction") == null ? p : multifunction(p, a.get("multifunction"));
    }

    static DeviceAddress multifunction(DeviceAddress p, String value) {
        var attrs = new ArrayList<>(p.attributes());
        attrs.add(new DeviceAddress.Attribute("multifunction", value));
        return new DeviceAddress("pci", attrs);
    }
}
