package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * The PCI address a device added to a running domain gets: every address the definition uses is
 * taken, then the lowest free slot on bus 0 (pc), or slot 0 of the first free root port for a
 * PCIe endpoint on q35. A running machine gets no new ports: none free is an error.
 */
public final class DeviceSlots {

    private DeviceSlots() {
    }

    public static DeviceAddress next(DomainDef def, boolean pcieEndpoint) throws VirtException {
        boolean q35 = def.os().machine() != null && def.os().machine().contains("q35");
        PciSlots pci = new PciSlots(q35);
        Devices d = def.devices();
        for (Devices.ControllerDef c : d.controllers()) {
            pci.reserve(c.address());
            if (q35 && RootPorts.isPort(c)) {
                pci.addPortBus(c.index());
            }
        }
        d.disks().forEach(k -> pci.reserve(k.address()));
        d.interfaces().forEach(n -> pci.reserve(n.address()));
        d.videos().forEach(v -> pci.reserve(v.address()));
        d.sounds().forEach(v -> pci.reserve(v.address()));
        d.rngs().forEach(v -> pci.reserve(v.address()));
        d.channels().forEach(v -> pci.reserve(v.address()));
        d.inputs().forEach(v -> pci.reserve(v.address()));
        if (d.memballoon() != null) {
            pci.reserve(d.memballoon().address());
        }
        if (q35 && pcieEndpoint && pci.freePorts() == 0) {
            // bus 0 of q35 takes no hot-plugged devices
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "No more available PCI slots");
        }
        try {
            return q35 && pcieEndpoint ? pci.assignPcie(null) : pci.assign(null);
        } catch (IllegalStateException full) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "No more available PCI slots");
        }
    }
}
