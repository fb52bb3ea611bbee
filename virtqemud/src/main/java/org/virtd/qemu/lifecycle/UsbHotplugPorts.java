package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.qemu.domain.UsbAddressSet;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.List;

/**
 * The USB port a device plugged into a running guest takes, as libvirt's USB address set hands
 * them out: the first free port of the first bus (controllers by index, each with its model's
 * number of ports), or the one the device asks for if that bus has it and it is free. A guest
 * whose USB controller is model none has no bus at all.
 */
final class UsbHotplugPorts {
    private UsbHotplugPorts() {
    }

    /** Refuses a USB device on a guest without USB, as libvirt's device compatibility check does. */
    static void requireBus(DomainDef live) throws VirtException {
        if (controllers(live).isEmpty()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "Device configuration is not compatible: Domain has no USB bus support");
        }
    }

    /** The address for a new device on {@code live}: {@code given} checked, or the first free port. */
    static DeviceAddress assign(DomainDef live, DeviceAddress given) throws VirtException {
        Devices d = live.devices();
        UsbAddressSet set = UsbAddressSet.of(d.controllers(), d.hubs());
        List<DeviceAddress> held = new ArrayList<>();
        d.disks().forEach(k -> held.add(k.address()));
        d.inputs().forEach(i -> held.add(i.address()));
        d.redirdevs().forEach(r -> held.add(r.address()));
        for (DeviceAddress a : held) {
            set.reserve(a);
        }
        if (UsbAddressSet.hasPort(given)) {
            set.reserve(given);
            return given;
        }
        return set.assign(given);
    }

    /** QEMU's bus name for USB bus {@code bus}: the controller's alias and ".0". */
    static String qemuBus(int bus) {
        return (bus == 0 ? "usb" : "usb" + bus) + ".0";
    }

    private static List<ControllerDef> controllers(DomainDef live) {
        List<ControllerDef> out = new ArrayList<>();
        for (ControllerDef c : live.devices().controllers()) {
            if ("usb".equals(c.type()) && !"none".equals(c.model()) && !c.isCompanion()) {
                out.add(c);
            }
        }
        out.sort(java.util.Comparator.comparingInt(c -> Math.max(c.index(), 0)));
        return out;
    }
}
