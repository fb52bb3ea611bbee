package org.virtd.conf.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The attribute order libvirt prints per address type (DOM hands them over unordered). */
final class AddressOrder {

    private static final Map<String, List<String>> ORDER = Map.of(
            "pci", List.of("domain", "bus", "slot", "function", "multifunction"),
            "drive", List.of("controller", "bus", "target", "unit"),
            "usb", List.of("bus", "port"),
            "virtio-serial", List.of("controller", "bus", "port"));

    private AddressOrder() {
    }

    static List<DeviceAddress.Attribute> sorted(String type, List<DeviceAddress.Attribute> attrs) {
        List<String> order = ORDER.getOrDefault(type, List.of());
        List<DeviceAddress.Attribute> out = new ArrayList<>(attrs);
        out.sort((a, b) -> Integer.compare(rank(order, a.name()), rank(order, b.name())));
        return out;
    }

    private static int rank(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    }
}
