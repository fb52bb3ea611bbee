package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.DomainDef;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <alias name=>} every device of a running domain shows (the QEMU device ids libvirt
 * derives from the device's kind and place): controllers {@code usb}, {@code ide},
 * {@code pci.0}/{@code pcie.0}, disks {@code virtio-disk0} or {@code ide0-0-0}, {@code net0},
 * {@code serial0} (shared by the console on that port), {@code input0}, {@code video0},
 * {@code balloon0}, {@code channelN}, {@code soundN}, {@code redirN}, {@code rngN}. A device that already has one (a user's {@code ua-} alias) keeps it.
 */
final class DeviceAliases {

    private DeviceAliases() {
    }

    static DomainDef assign(DomainDef def) {
        Devices d = def.devices();
        if (d == null) {
            return def;
        }
        List<Devices.DiskDef> disks = new ArrayList<>();
        for (Devices.DiskDef disk : d.disks()) {
            disks.add(disk.alias() != null ? disk : disk.withAlias(diskAlias(disk, d.controllers())));
        }
        List<Devices.ControllerDef> controllers = new ArrayList<>();
        for (Devices.ControllerDef c : d.controllers()) {
            String alias = controllerAlias(c, def.os().machine());
            controllers.add(c.alias() != null || alias == null ? c : c.withAlias(alias));
        }
        List<Devices.InterfaceDef> nics = new ArrayList<>();
        for (Devices.InterfaceDef n : d.interfaces()) {
            nics.add(n.alias() != null ? n : n.withAlias("net" + nics.size()));
        }
        List<Devices.CharDevDef> serials = new ArrayList<>();
        for (Devices.CharDevDef s : d.serials()) {
            serials.add(s.alias() != null ? s : s.withAlias("serial" + serials.size()));
        }
        List<Devices.CharDevDef> consoles = new ArrayList<>();
        for (Devices.CharDevDef c : d.consoles()) {
            consoles.add(c.alias() != null ? c : c.withAlias(consoleAlias(c, serials, consoles.size())));
        }
        List<Devices.InputDef> inputs = new ArrayList<>();
        for (Devices.InputDef in : d.inputs()) {
            inputs.add(in.alias() != null ? in : in.withAlias("input" + inputs.size()));
        }
        List<Devices.VideoDef> videos = new ArrayList<>();
        for (Devices.VideoDef v : d.videos()) {
            videos.add(v.alias() != null ? v : v.withAlias("video" + videos.size()));
        }
        Devices.MemballoonDef balloon = d.memballoon();
        if (balloon != null && balloon.alias() == null && !"none".equals(balloon.model())) {
            balloon = balloon.withAlias("balloon0");
        }
        List<Devices.ChannelDef> channels = new ArrayList<>();
        for (Devices.ChannelDef c : d.channels()) {
            channels.add(c.alias() != null ? c : c.withAlias("channel" + channels.size()));
        }
        List<Devices.SoundDef> sounds = new ArrayList<>();
        for (Devices.SoundDef s : d.sounds()) {
            sounds.add(s.alias() != null ? s : s.withAlias("sound" + sounds.size()));
        }
        List<Devices.RedirdevDef> redirdevs = new ArrayList<>();
        for (Devices.RedirdevDef r : d.redirdevs()) {
            redirdevs.add(r.alias() != null ? r : r.withAlias("redir" + redirdevs.size()));
        }
        List<Devices.RngDef> rngs = new ArrayList<>();
        for (Devices.RngDef r : d.rngs()) {
            rngs.add(r.alias() != null ? r : r.withAlias("rng" + rngs.size()));
        }
        List<Devices.HubDef> hubs = new ArrayList<>();
        for (Devices.HubDef h : d.hubs()) {
            hubs.add(h.alias() != null ? h : h.withAlias("hub" + hubs.size()));
        }
        return def.withDevices(new Devices(d.emulator(), disks, controllers, nics, serials, consoles, inputs,
                d.graphics(), d.audios(), videos, balloon, channels, sounds, redirdevs, rngs, d.panics(), hubs));
    }

    /** A console on a serial port is that port's device; others are consoles of their own. */
    private static String consoleAlias(Devices.CharDevDef console, List<Devices.CharDevDef> serials, int index) {
        if (console.targetType() == null || "serial".equals(console.targetType())) {
            int port = Math.max(console.targetPort(), 0);
            for (Devices.CharDevDef s : serials) {
                if (Math.max(s.targetPort(), 0) == port) {
                    return s.alias();
                }
            }
        }
        return "console" + index;
    }

    static String controllerAlias(Devices.ControllerDef c, String machine) {
        int index = Math.max(c.index(), 0);
        switch (c.type()) {
            case "pci":
                if ("pcie-root".equals(c.model())) {
                    return "pcie.0";
                }
                return "pci." + index;
            case "usb":
                return index == 0 ? "usb" : "usb" + index;
            case "ide":
                return index == 0 ? "ide" : "ide" + index;
            case "sata":
                return index == 0 && machine != null && machine.contains("q35") ? "ide" : "sata" + index;
            default:
                return c.type() + index;
        }
    }

    /** The controller a disk's drive address names (null: none, or not a drive address). */
    static Devices.ControllerDef controllerOf(Devices.DiskDef disk, List<Devices.ControllerDef> controllers) {
        DeviceAddress a = disk.address();
        if (a == null || !"drive".equals(a.type())) {
            return null;
        }
        String type = "fdc".equals(disk.targetBus()) ? "fdc" : disk.targetBus();
        for (Devices.ControllerDef c : controllers) {
            if (c.type().equals(type) && Math.max(c.index(), 0) == a.number("controller")) {
                return c;
            }
        }
        return null;
    }

    /** A SCSI controller whose disks are named and addressed by unit alone (libvirt's narrow buses). */
    static boolean narrowScsi(Devices.ControllerDef c) {
        return c != null && c.model() != null && switch (c.model()) {
            case "lsilogic", "ncr53c90", "dc390", "am53c974" -> true;
            default -> false;
        };
    }

    static String diskAlias(Devices.DiskDef disk, List<Devices.ControllerDef> controllers) {
        String bus = disk.targetBus() == null ? "ide" : disk.targetBus();
        DeviceAddress a = disk.address();
        boolean drive = a != null && "drive".equals(a.type());
        switch (bus) {
            case "virtio":
                return "virtio-disk" + nameIndex(disk.targetDev());
            case "ide":
            case "sata":
                return drive ? bus + a.number("controller") + "-" + a.number("bus") + "-" + a.number("unit")
                        : bus + "0-0-" + nameIndex(disk.targetDev());
            case "scsi":
                if (drive && narrowScsi(controllerOf(disk, controllers))) {
                    return "scsi" + a.number("controller") + "-" + a.number("bus") + "-" + a.number("unit");
                }
                return drive ? "scsi" + a.number("controller") + "-" + a.number("bus") + "-" + a.number("target")
                        + "-" + a.number("unit") : "scsi0-0-0-" + nameIndex(disk.targetDev());
            case "fdc":
                return "fdc0-0-" + nameIndex(disk.targetDev());
            default:
                return bus + "-disk" + nameIndex(disk.targetDev());
        }
    }

    /** vda → 0, vdb → 1, sdaa → 26 (libvirt's virDiskNameToIndex). */
    static int nameIndex(String dev) {
        if (dev == null) {
            return 0;
        }
        String rest = dev;
        for (String prefix : new String[] {"xvd", "ubd", "fd", "hd", "vd", "sd"}) {
            if (dev.startsWith(prefix)) {
                rest = dev.substring(prefix.length());
                break;
            }
        }
        int idx = 0;
        for (int i = 0; i < rest.length(); i++) {
            char ch = rest.charAt(i);
            if (ch < 'a' || ch > 'z') {
                break;
            }
            idx = (idx + (i == 0 ? 0 : 1)) * 26 + (ch - 'a');
        }
        return idx;
    }
}
