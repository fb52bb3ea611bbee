package org.virtd.conf.domain;

import java.util.List;

/**
 * A device's {@code <address type=...>}: pci (domain, bus, slot, function), drive
 * (controller, bus, target, unit) or usb (bus, port), kept as its ordered attributes so a
 * user-given address is echoed as written.
 */
public record DeviceAddress(String type, List<Attribute> attributes) {

    public DeviceAddress {
        attributes = List.copyOf(attributes);
    }

    /** One attribute in document order. */
    public record Attribute(String name, String value) {
    }

    public static DeviceAddress pci(int bus, int slot, int function) {
        return new DeviceAddress("pci", List.of(new Attribute("domain", "0x0000"),
                new Attribute("bus", String.format("0x%02x", bus)), new Attribute("slot", String.format("0x%02x", slot)),
                new Attribute("function", String.format("0x%x", function))));
    }

    public static DeviceAddress drive(int controller, int bus, int target, int unit) {
        return new DeviceAddress("drive", List.of(new Attribute("controller", Integer.toString(controller)),
                new Attribute("bus", Integer.toString(bus)), new Attribute("target", Integer.toString(target)),
                new Attribute("unit", Integer.toString(unit))));
    }

    public static DeviceAddress usb(int bus, int port) {
        return usb(bus, Integer.toString(port));
    }

    /** A USB address whose port is a path through hubs, such as {@code 1.2}. */
    public static DeviceAddress usb(int bus, String port) {
        return new DeviceAddress("usb", List.of(new Attribute("bus", Integer.toString(bus)),
                new Attribute("port", port)));
    }

    /** An attribute's value, or null. */
    public String get(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a.value();
            }
        }
        return null;
    }

    /** The integer value of a pci/drive attribute written in decimal or 0x hex, or -1. */
    public int number(String name) {
        String v = get(name);
        if (v == null) {
            return -1;
        }
        try {
            return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
