package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.ChannelDef;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.InputDef;
import org.virtd.conf.domain.Devices.RedirdevDef;
import org.virtd.conf.domain.Devices.RngDef;
import org.virtd.conf.domain.Devices.SoundDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.process.QemuLaunchSpec.PciPlace;
import org.virtd.qemu.process.QemuLaunchSpec.Platform;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Platform} part of the command line from a completed definition: PCI(e) controllers
 * and USB/virtio-serial controllers where the definition put them, channels as chardevs on
 * virtio-serial ports, USB inputs and redirected devices on their ports, sound cards with their
 * codec, rng backends, and the PCI places of disks, NICs, video and balloon. Every device goes
 * exactly where the XML says, so the guest sees what dumpxml shows.
 */
final class PlatformArgs {

    /** A unix socket path must fit sun_path (108 bytes with its NUL). */
    private static final int SUN_PATH = 108;

    private final boolean q35;
    private final Path stateDir;
    private final List<String> controllers = new ArrayList<>();
    private final List<String> chars = new ArrayList<>();
    private final List<String> media = new ArrayList<>();
    private final List<String> rngs = new ArrayList<>();
    private final Map<String, PciPlace> places = new HashMap<>();

    private PlatformArgs(boolean q35, Path stateDir) {
        this.q35 = q35;
        this.stateDir = stateDir;
    }

    /** @param stateDir QEMU's working directory, the driver's state directory */
    static Platform of(Devices d, String machine, List<String> smbios, Path stateDir) throws VirtException {
        PlatformArgs p = new PlatformArgs(machine.contains("q35"), stateDir);
        p.controllers(d);
        p.hubs(d.hubs());
        for (Devices.DiskDef k : d.disks()) {
            if ("virtio".equals(k.targetBus())) {
                // libvirt's alias: the target's index (vdb is virtio-disk1 even without a vda)
                p.place("virtio-disk" + Math.max(org.virtd.conf.domain.DiskOrder.targetIndex(k.targetDev()), 0),
                        k.address());
            }
        }
        for (int i = 0; i < d.interfaces().size(); i++) {
            p.place("net" + i, d.interfaces().get(i).address());
        }
        if (!d.videos().isEmpty()) {
            p.place("video0", d.videos().get(0).address());
        }
        if (d.memballoon() != null) {
            p.place("balloon0", d.memballoon().address());
        }
        p.channels(d.channels());
        p.inputs(d.inputs());
        p.sounds(d.sounds());
        p.redirdevs(d.redirdevs());
        p.rngs(d.rngs());
        return new Platform(p.controllers, p.chars, p.media, p.rngs, p.places, smbios);
    }

    /** {@code -smbios type=0,...} and {@code type=1,...} from {@code <sysinfo>} when {@code <smbios mode='sysinfo'/>}. */
    static List<String> smbios(DomainDef def) {
        List<String> out = new ArrayList<>();
        if (def.sysinfo() == null || !"sysinfo".equals(def.os().smbiosMode())) {
            return out;
        }
        table(out, 0, def.sysinfo().bios());
        table(out, 1, def.sysinfo().system());
        return out;
    }

    private static void table(List<String> out, int type, List<DomainDef.Sysinfo.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("type=" + type);
        entries.forEach(e -> sb.append(',').append(e.name()).append('=').append(e.value().replace(",", ",,")));
        out.add("-smbios");
        out.add(sb.toString());
    }

    private void controllers(Devices d) throws VirtException {
        // the PCI buses first: the other controllers plug into them
        for (ControllerDef c : d.controllers()) {
            if (c.type().equals("pci") && "pcie-root-port".equals(c.model())) {
                device(controllers, pci(JsonObject.of("driver", "pcie-root-port", "port", (long) number(c.targetPort()),
                        "chassis", (long) number(c.targetChassis()), "id", "pci." + c.index()), c.address()));
            }
        }
        for (ControllerDef c : byType(d.controllers())) {
            // the default USB controller is on QEMU's command line with or without USB devices, as libvirt puts it
            if (c.type().equals("usb") && c.isCompanion() && c.index() == 0) {
                // a USB1 companion serves ports of its EHCI master instead of a bus of its own
                device(controllers, pci(JsonObject.of("driver", c.model().replace("ich9-", "ich9-usb-"), "masterbus",
                        "usb.0", "firstport", (long) number(c.masterStartport())), c.address()));
            } else if (c.type().equals("usb") && c.index() == 0 && c.model() != null) {
                JsonObject usb = switch (c.model()) {
                    case "qemu-xhci", "nec-xhci" -> c.ports() == null ? JsonObject.of("driver", c.model())
                            : JsonObject.of("driver", c.model(), "p2", (long) c.ports(), "p3", (long) c.ports());
                    case "piix3-uhci" -> JsonObject.of("driver", "piix3-usb-uhci");
                    case "ich9-ehci1" -> JsonObject.of("driver", "ich9-usb-ehci1");
                    case "none" -> null;
                    default -> throw unsupported("USB controller model '" + c.model() + "' is not supported");
                };
                if (usb != null) {
                    device(controllers, pci(usb.with("id", "usb"), c.address()));
                }
            } else if (c.type().equals("scsi")) {
                String driver = switch (c.model() == null ? "" : c.model()) {
                    case "virtio-scsi" -> "virtio-scsi-pci";
                    case "lsilogic" -> "lsi";
                    default -> throw unsupported("SCSI controller model '" + c.model() + "' is not supported");
                };
                device(controllers, pci(JsonObject.of("driver", driver, "id", "scsi" + c.index()), c.address()));
            } else if (c.type().equals("sata") && !(q35 && c.index() == 0)) {
                // q35's own ICH9 AHCI is sata index 0; any other is an AHCI card
                device(controllers, pci(JsonObject.of("driver", "ahci", "id", "sata" + c.index()), c.address()));
            } else if (c.type().equals("virtio-serial")) {
                device(controllers, pci(JsonObject.of("driver", "virtio-serial-pci", "id",
                        "virtio-serial" + c.index()), c.address()));
            }
        }
    }

    /** USB hubs follow the controllers, each on its port, id hubN. */
    private void hubs(List<Devices.HubDef> hubs) {
        for (int i = 0; i < hubs.size(); i++) {
            device(controllers, usb(JsonObject.of("driver", "usb-hub", "id", "hub" + i), hubs.get(i).address()));
        }
    }

    /** Controllers in the order libvirt writes them: by type (USB, SCSI, IDE, SATA, ...), then index. */
    private static List<ControllerDef> byType(List<ControllerDef> controllers) {
        List<String> order = List.of("pci", "usb", "scsi", "ide", "sata", "fdc", "ccid", "virtio-serial");
        return controllers.stream().sorted(java.util.Comparator.comparingInt(c -> {
            int i = order.indexOf(c.type());
            return i < 0 ? order.size() : i;
        })).toList();
    }

    private void channels(List<ChannelDef> channels) throws VirtException {
        for (int i = 0; i < channels.size(); i++) {
            ChannelDef c = channels.get(i);
            String id = "charchannel" + i;
            switch (c.type()) {
                case "unix" -> chars.addAll(List.of("-chardev", "socket,id=" + id + ",path="
                        + socketPath(c.sourcePath()).replace(",", ",,")
                        + ("bind".equals(c.sourceMode()) ? ",server=on,wait=off" : "")));
                case "spicevmc" -> chars.addAll(List.of("-chardev", "spicevmc,id=" + id + ",name=vdagent"));
                case "pty" -> chars.addAll(List.of("-chardev", "pty,id=" + id));
                case "pipe" -> chars.addAll(pipe(c, id));
                default -> throw unsupported("channel type '" + c.type() + "' is not supported by this driver");
            }
            if (!"virtio".equals(c.targetType())) {
                throw unsupported("channel target type '" + c.targetType() + "' is not supported by this driver");
            }
            DeviceAddress a = c.address();
            JsonObject port = JsonObject.of("driver", "virtserialport", "bus",
                    "virtio-serial" + a.number("controller") + "." + a.number("bus"), "nr", (long) a.number("port"),
                    "chardev", id, "id", "channel" + i);
            device(chars, c.targetName() == null ? port : port.with("name", c.targetName()));
        }
    }

    private static List<String> pipe(ChannelDef c, String id) throws VirtException {
        if (c.sourcePath() == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "Missing source path attribute for char device");
        }
        return List.of("-chardev", "pipe,id=" + id + ",path=" + c.sourcePath().replace(",", ",,"));
    }

    private void inputs(List<InputDef> inputs) throws VirtException {
        for (int i = 0; i < inputs.size(); i++) {
            InputDef in = inputs.get(i);
            if (!"usb".equals(in.bus())) {
                continue;
            }
            String driver = switch (in.type()) {
                case "tablet" -> "usb-tablet";
                case "mouse" -> "usb-mouse";
                case "keyboard" -> "usb-kbd";
                default -> throw unsupported("input type '" + in.type() + "' is not supported by this driver");
            };
            device(chars, usb(JsonObject.of("driver", driver, "id", "input" + i), in.address()));
        }
    }

    private void sounds(List<SoundDef> sounds) throws VirtException {
        for (int i = 0; i < sounds.size(); i++) {
            SoundDef s = sounds.get(i);
            String id = "sound" + i;
            switch (s.model()) {
                case "ich9", "ich6" -> {
                    device(media, pci(JsonObject.of("driver", s.model().equals("ich9") ? "ich9-intel-hda"
                            : "intel-hda", "id", id), s.address()));
                    device(media, JsonObject.of("driver", "hda-duplex", "id", id + "-codec0", "bus", id + ".0",
                            "cad", 0L, "audiodev", "audio1"));
                }
                case "ac97" -> device(media, pci(JsonObject.of("driver", "AC97", "id", id, "audiodev", "audio1"),
                        s.address()));
                default -> throw unsupported("sound model '" + s.model() + "' is not supported by this driver");
            }
        }
    }

    private void redirdevs(List<RedirdevDef> redirdevs) throws VirtException {
        for (int i = 0; i < redirdevs.size(); i++) {
            RedirdevDef r = redirdevs.get(i);
            if (!"spicevmc".equals(r.type())) {
                throw unsupported("redirdev type '" + r.type() + "' is not supported by this driver");
            }
            media.addAll(List.of("-chardev", "spicevmc,id=charredir" + i + ",name=usbredir"));
            device(media, usb(JsonObject.of("driver", "usb-redir", "chardev", "charredir" + i, "id", "redir" + i),
                    r.address()));
        }
    }

    private void rngs(List<RngDef> given) throws VirtException {
        for (int i = 0; i < given.size(); i++) {
            RngDef r = given.get(i);
            if (!"random".equals(r.backendModel())) {
                throw unsupported("rng backend '" + r.backendModel() + "' is not supported by this driver");
            }
            rngs.addAll(List.of("-object", JsonObject.of("qom-type", "rng-random", "id", "objrng" + i, "filename",
                    r.backendSource() == null ? "/dev/urandom" : r.backendSource()).toJson()));
            device(rngs, pci(JsonObject.of("driver", "virtio-rng-pci", "rng", "objrng" + i, "id", "rng" + i),
                    r.address()));
        }
    }

    /**
     * libvirt hands QEMU an fd it bound itself; QEMU binds our sockets, so a path below a deep
     * state directory is given relative to it (QEMU's working directory) when it is too long.
     */
    private String socketPath(String path) {
        Path p = Path.of(path);
        if (path.getBytes(StandardCharsets.UTF_8).length < SUN_PATH || stateDir == null || !p.startsWith(stateDir)) {
            return path;
        }
        return stateDir.relativize(p).toString();
    }

    private void place(String id, DeviceAddress a) {
        if (a != null && "pci".equals(a.type())) {
            places.put(id, new PciPlace(bus(a), addr(a), "on".equals(a.get("multifunction"))));
        }
    }

    /** Where device_add puts a device with pci address {@code a} (null for another kind of address). */
    static PciPlace pciPlace(DeviceAddress a, boolean q35) {
        if (a == null || !"pci".equals(a.type())) {
            return null;
        }
        return new PciPlace(new PlatformArgs(q35, null).bus(a), addr(a), "on".equals(a.get("multifunction")));
    }

    private JsonObject pci(JsonObject dev, DeviceAddress a) {
        if (a == null || !"pci".equals(a.type())) {
            return dev;
        }
        dev = dev.with("bus", bus(a));
        return "on".equals(a.get("multifunction")) ? dev.with("multifunction", true).with("addr", addr(a))
                : dev.with("addr", addr(a));
    }

    private static JsonObject usb(JsonObject dev, DeviceAddress a) {
        if (a == null || !"usb".equals(a.type())) {
            return dev;
        }
        return dev.with("bus", UsbHotplugPorts.qemuBus(Math.max(a.number("bus"), 0))).with("port", a.get("port"));
    }

    private String bus(DeviceAddress a) {
        int bus = a.number("bus");
        return bus == 0 ? (q35 ? "pcie.0" : "pci.0") : "pci." + bus;
    }

    private static String addr(DeviceAddress a) {
        int function = a.number("function");
        return String.format("0x%x", a.number("slot")) + (function > 0 ? String.format(".0x%x", function) : "");
    }

    private static int number(String v) {
        return v == null ? 0 : v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
    }

    private static void device(List<String> args, JsonObject dev) {
        args.add("-device");
        args.add(dev.toJson());
    }

    private static VirtException unsupported(String what) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, what);
    }
}
