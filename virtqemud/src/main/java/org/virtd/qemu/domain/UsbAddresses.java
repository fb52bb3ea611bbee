package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.Devices.HubDef;
import org.virtd.conf.domain.Devices.InputDef;
import org.virtd.conf.domain.Devices.RedirdevDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.util.List;

/**
 * The USB ports of a definition, as libvirt's QEMU driver hands them out: when the guest has more
 * USB devices than its controllers (and hubs) have ports, it gets implicit hubs; then the ports
 * devices name are taken, hubs without a port are placed, and the other devices take the first
 * free port, in libvirt's device order (hubs, disks, inputs, redirected devices).
 */
final class UsbAddresses {
    private UsbAddresses() {
    }

    /** Places the USB devices of these lists (replaced in place); {@code hubs} may grow. */
    static void assign(List<ControllerDef> controllers, List<DiskDef> disks, List<InputDef> inputs,
                       List<RedirdevDef> redirdevs, List<HubDef> hubs) throws VirtException {
        int devices = hubs.size() + (int) disks.stream().filter(UsbAddresses::usb).count()
                + (int) inputs.stream().filter(i -> "usb".equals(i.bus())).count()
                + (int) redirdevs.stream().filter(r -> "usb".equals(r.bus())).count();
        if (devices == 0) {
            return;
        }
        boolean hasUsb = controllers.stream().anyMatch(c -> "usb".equals(c.type()) && !"none".equals(c.model()));
        if (!hasUsb) {
            throw QemuDomainDefaults.qemu(ErrorCode.CONFIG_UNSUPPORTED,
                    "USB is disabled for this domain, but USB devices are present in the domain XML");
        }
        int available = UsbAddressSet.countAllPorts(controllers, hubs);
        if (devices > available) {
            // each hub takes a port itself, so it adds 7
            int needed = (devices - available + 1 + UsbAddressSet.HUB_PORTS - 2) / (UsbAddressSet.HUB_PORTS - 1);
            for (int i = 0; i < needed; i++) {
                hubs.add(new HubDef("usb", null, null));
            }
        }
        UsbAddressSet set = UsbAddressSet.of(controllers, hubs);
        for (DiskDef k : disks) {
            if (usb(k)) {
                set.reserve(k.address());
            }
        }
        for (InputDef in : inputs) {
            if ("usb".equals(in.bus())) {
                set.reserve(in.address());
            }
        }
        for (RedirdevDef r : redirdevs) {
            if ("usb".equals(r.bus())) {
                set.reserve(r.address());
            }
        }
        for (int i = 0; i < hubs.size(); i++) {
            HubDef h = hubs.get(i);
            if (!UsbAddressSet.hasPort(h.address())) {
                DeviceAddress a = set.assign(h.address());
                set.addHub(a);
                hubs.set(i, h.withAddress(a));
            }
        }
        for (int i = 0; i < disks.size(); i++) {
            DiskDef k = disks.get(i);
            if (usb(k) && wantsPort(k.address())) {
                disks.set(i, k.withBusAndAddress(k.driverName(), k.driverType(), k.targetBus(), k.readonly(),
                        set.assign(k.address())));
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            InputDef in = inputs.get(i);
            if ("usb".equals(in.bus()) && wantsPort(in.address())) {
                inputs.set(i, new InputDef(in.type(), in.bus(), set.assign(in.address()), in.alias()));
            }
        }
        for (int i = 0; i < redirdevs.size(); i++) {
            RedirdevDef r = redirdevs.get(i);
            if ("usb".equals(r.bus()) && wantsPort(r.address())) {
                redirdevs.set(i, new RedirdevDef(r.bus(), r.type(), set.assign(r.address()), r.alias()));
            }
        }
    }

    /** A USB disk sits on a USB port: any other kind of address is refused, as libvirt validates. */
    static void checkDisks(List<DiskDef> disks) throws VirtException {
        for (DiskDef k : disks) {
            if (usb(k) && k.address() != null && !"usb".equals(k.address().type())) {
                throw QemuDomainDefaults.qemu(ErrorCode.INTERNAL_ERROR, "unexpected address type for usb disk");
            }
        }
    }

    private static boolean usb(DiskDef k) {
        return "usb".equals(k.targetBus());
    }

    /** No address, or a USB one without a port: libvirt gives it one. */
    private static boolean wantsPort(DeviceAddress a) {
        return a == null || "usb".equals(a.type()) && !UsbAddressSet.hasPort(a);
    }
}
