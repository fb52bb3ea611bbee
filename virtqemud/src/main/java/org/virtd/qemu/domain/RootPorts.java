package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices.ControllerDef;

import java.util.List;

/**
 * The PCIe ports of a q35 guest: root ports added when the PCIe endpoints outnumber the free ones
 * (as libvirt's dry run of the address walk does, one more so that a port stays free for
 * hotplug), then placed on bus 0 function after function
 * of one slot, function 0 marked multifunction when the slot is shared, and given the
 * {@code <model name=>} and {@code <target chassis= port=>} QEMU is started with (chassis = the
 * controller index, port = slot*8+function of its own address).
 */
final class RootPorts {

    private static final String MODEL = "pcie-root-port";

    private RootPorts() {
    }

    /** Registers every root port's bus with {@code pci}; adds {@code missing} new ports first. */
    static void addAndRegister(List<ControllerDef> controllers, int missing, PciSlots pci) {
        for (int i = 0; i < missing; i++) {
            int index = controllers.stream().filter(c -> c.type().equals("pci")).mapToInt(ControllerDef::index)
                    .max().orElse(0) + 1;
            // appended, not grouped with the other PCI controllers
            controllers.add(new ControllerDef("pci", index, MODEL, null, null, null, null, null));
        }
        controllers.stream().filter(RootPorts::isPort).forEach(c -> pci.addPortBus(c.index()));
    }

    /** Addresses, model names and targets of the ports that have none yet. */
    static void place(List<ControllerDef> controllers, PciSlots pci) {
        for (int i = 0; i < controllers.size(); i++) {
            ControllerDef c = controllers.get(i);
            if (isPort(c) && c.address() == null) {
                controllers.set(i, c.with(c.index(), c.model(), pci.assignAggregated()));
            }
        }
        for (int i = 0; i < controllers.size(); i++) {
            ControllerDef c = controllers.get(i);
            if (!isPort(c)) {
                continue;
            }
            DeviceAddress a = c.address();
            if (a.get("multifunction") == null && a.number("bus") == 0 && a.number("function") == 0
                    && pci.hasOtherFunctions(a.number("slot"))) {
                a = PciSlots.multifunction(a, "on");
            }
            String port = c.targetPort() != null ? c.targetPort()
                    : String.format("0x%x", a.number("slot") * 8 + a.number("function"));
            c = c.with(c.index(), c.model(), a);
            controllers.set(i, c.withPortTarget(c.modelName() != null ? c.modelName() : MODEL,
                    c.targetChassis() != null ? c.targetChassis() : Integer.toString(c.index()), port));
        }
    }

    static boolean isPort(ControllerDef c) {
        return c.type().equals("pci") && MODEL.equals(c.model());
    }
}
