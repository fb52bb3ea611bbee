package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        Set<String> used = used(live);
        List<ControllerDef> buses = controllers(live);
        if (given != null && "usb".equals(given.type())) {
            int bus = Math.max(given.number("bus"), 0);
            String port = given.get("port");
            ControllerDef c = buses.stream().filter(x -> Math.max(x.index(), 0) == bus).findFirst().orElse(null);
            if (c == null) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "USB bus " + bus + " requested but no controller with that index is present");
            }
            int p = port == null ? -1 : given.number("port");
            if (p < 1 || p > ports(c)) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "requested USB port " + port + " not present on USB bus " + bus);
            }
            if (used.contains(bus + ":" + p)) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "Duplicate USB address bus " + bus + " port " + port);
            }
            return DeviceAddress.usb(bus, p);
        }
        for (ControllerDef c : buses) {
            int bus = Math.max(c.index(), 0);
            for (int p = 1; p <= ports(c); p++) {
                if (!used.contains(bus + ":" + p)) {
                    return DeviceAddress.usb(bus, p);
                }
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "No free USB ports");
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

    /** libvirt's port count of a controller model. */
    private static int ports(ControllerDef c) {
        String model = c.model() == null ? "piix3-uhci" : c.model();
        return switch (model) {
            case "ehci", "ich9-ehci1" -> 6;
            case "pci-ohci" -> 3;
            case "nec-xhci", "qemu-xhci", "qusb1" -> 4;
            case "qusb2" -> 6;
            default -> 2;
        };
    }

    /** The bus:port pairs the guest's USB devices hold. */
    private static Set<String> used(DomainDef live) {
        Set<String> out = new HashSet<>();
        Devices d = live.devices();
        List<DeviceAddress> addresses = new ArrayList<>();
        d.disks().forEach(k -> addresses.add(k.address()));
        d.inputs().forEach(i -> addresses.add(i.address()));
        d.redirdevs().forEach(r -> addresses.add(r.address()));
        for (DeviceAddress a : addresses) {
            if (a != null && "usb".equals(a.type())) {
                out.add(Math.max(a.number("bus"), 0) + ":" + a.number("port"));
            }
        }
        return out;
    }
}
