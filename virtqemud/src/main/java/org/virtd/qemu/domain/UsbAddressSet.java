package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.HubDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The USB ports of a guest as libvirt's USB address set keeps them: one tree per USB bus (a
 * controller by its index, with its model's number of ports), hubs of 8 ports plugged into ports,
 * and which ports devices hold. A port is a path through hubs ({@code 1}, {@code 1.2}); a free
 * one is searched on the bus itself first, then depth first through its hubs.
 */
public final class UsbAddressSet {
    /** Ports of a USB hub. */
    public static final int HUB_PORTS = 8;
    private static final int MAX_DEPTH = 4;

    private final TreeMap<Integer, Hub> buses = new TreeMap<>();

    private static final class Hub {
        final boolean[] used;
        final Hub[] hubs;

        Hub(int ports) {
            used = new boolean[ports];
            hubs = new Hub[ports];
        }

        int firstFree() {
            for (int i = 0; i < used.length; i++) {
                if (!used[i]) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The set of a guest's USB controllers and the hubs that already have a port. */
    public static UsbAddressSet of(List<ControllerDef> controllers, List<HubDef> hubs) throws VirtException {
        UsbAddressSet set = new UsbAddressSet();
        for (ControllerDef c : controllers) {
            int ports = "usb".equals(c.type()) ? ports(c) : 0;
            if (ports == 0) {
                continue;
            }
            int index = Math.max(c.index(), 0);
            if (set.buses.containsKey(index)) {
                throw xml("Duplicate USB controllers with index " + index);
            }
            set.buses.put(index, new Hub(ports));
        }
        for (HubDef h : hubs) {
            if (hasPort(h.address())) {
                set.addHub(h.address());
            }
        }
        return set;
    }

    /** libvirt's number of ports of a USB controller model (0 for companions and none). */
    public static int ports(ControllerDef c) {
        String model = c.model() == null ? "piix3-uhci" : c.model();
        return switch (model) {
            case "piix3-uhci", "piix4-uhci", "vt82c686b-uhci" -> 2;
            case "ehci", "ich9-ehci1" -> 6;
            case "pci-ohci" -> 3;
            case "nec-xhci", "qemu-xhci" -> c.ports() != null ? c.ports() : 4;
            case "qusb1", "qusb2" -> c.ports() != null ? c.ports() : 8;
            default -> 0;
        };
    }

    /** How many ports the controllers and hubs give altogether. */
    public static int countAllPorts(List<ControllerDef> controllers, List<HubDef> hubs) {
        int n = 0;
        for (ControllerDef c : controllers) {
            n += "usb".equals(c.type()) ? ports(c) : 0;
        }
        return n + HUB_PORTS * hubs.size();
    }

    /** Whether {@code a} is a USB address naming a port (a port 0 or none asks for one). */
    public static boolean hasPort(DeviceAddress a) {
        if (a == null || !"usb".equals(a.type()) || a.get("port") == null) {
            return false;
        }
        int[] path = path(a);
        return path.length > 0 && path[0] != 0;
    }

    /** Plugs a hub into its port. */
    public void addHub(DeviceAddress a) throws VirtException {
        String port = a.get("port");
        int[] idx = new int[1];
        Hub target = find(a, idx);
        if (target.hubs[idx[0]] != null) {
            throw xml("Duplicate USB hub on bus " + bus(a) + " port " + port);
        }
        target.used[idx[0]] = true;
        target.hubs[idx[0]] = new Hub(HUB_PORTS);
    }

    /** Takes the port {@code a} names; a USB address without a port takes nothing. */
    public void reserve(DeviceAddress a) throws VirtException {
        if (!hasPort(a)) {
            return;
        }
        int[] idx = new int[1];
        Hub target = find(a, idx);
        if (target.used[idx[0]]) {
            throw xml("Duplicate USB address bus " + bus(a) + " port " + a.get("port"));
        }
        target.used[idx[0]] = true;
    }

    /** Frees the port {@code a} names, if it is one of the set's. */
    public void release(DeviceAddress a) {
        if (!hasPort(a)) {
            return;
        }
        try {
            int[] idx = new int[1];
            find(a, idx).used[idx[0]] = false;
        } catch (VirtException e) {
            // an address the set never had holds nothing to free
        }
    }

    /**
     * A free port, taken: on the bus {@code given} names if it is a USB address, else on the first
     * bus that has one.
     */
    public DeviceAddress assign(DeviceAddress given) throws VirtException {
        if (given != null && "usb".equals(given.type())) {
            int bus = bus(given);
            if (!buses.containsKey(bus)) {
                throw xml("USB bus " + bus + " requested but no controller with that index is present");
            }
            DeviceAddress a = assignOn(bus);
            if (a != null) {
                return a;
            }
        } else {
            for (int bus : buses.keySet()) {
                DeviceAddress a = assignOn(bus);
                if (a != null) {
                    return a;
                }
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "No free USB ports");
    }

    private DeviceAddress assignOn(int bus) throws VirtException {
        List<Integer> path = new ArrayList<>();
        if (!freePort(buses.get(bus), path, 0)) {
            return null;
        }
        StringBuilder port = new StringBuilder();
        for (int p : path) {
            port.append(port.length() == 0 ? "" : ".").append(p);
        }
        DeviceAddress a = DeviceAddress.usb(bus, port.toString());
        reserve(a);
        return a;
    }

    private static boolean freePort(Hub hub, List<Integer> path, int level) {
        int free = hub.firstFree();
        if (free >= 0) {
            path.add(free + 1);
            return true;
        }
        if (level >= MAX_DEPTH - 1) {
            return false;
        }
        for (int i = 0; i < hub.hubs.length; i++) {
            if (hub.hubs[i] == null) {
                continue;
            }
            path.add(i + 1);
            if (freePort(hub.hubs[i], path, level + 1)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    /** The hub whose port {@code a} names, that port's index in {@code idx[0]}. */
    private Hub find(DeviceAddress a, int[] idx) throws VirtException {
        int bus = bus(a);
        String port = a.get("port");
        Hub hub = buses.get(bus);
        if (hub == null) {
            throw xml("Missing USB bus " + bus);
        }
        int[] path = path(a);
        for (int i = 0; i < path.length - 1; i++) {
            int p = path[i] - 1;
            if (p < 0 || p >= hub.hubs.length) {
                throw xml("port " + path[i] + " out of range in USB address bus: " + bus + " port: " + port);
            }
            hub = hub.hubs[p];
            if (hub == null) {
                throw xml("there is no hub at port " + path[i] + " in USB address bus: " + bus + " port: " + port);
            }
        }
        int last = path[path.length - 1] - 1;
        if (last < 0 || last >= hub.used.length) {
            throw xml("requested USB port " + port + " not present on USB bus " + bus);
        }
        idx[0] = last;
        return hub;
    }

    private static int bus(DeviceAddress a) {
        return Math.max(a.number("bus"), 0);
    }

    /** The port path of a USB address, its trailing zeros dropped ({@code 1.2} is [1, 2]). */
    private static int[] path(DeviceAddress a) {
        String[] parts = a.get("port").split("\\.");
        int n = parts.length;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        while (n > 1 && out[n - 1] == 0) {
            n--;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static VirtException xml(String message) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, message);
    }
}
