package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.AudioDef;
import org.virtd.conf.domain.Devices.CharDevDef;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.Devices.GraphicsDef;
import org.virtd.conf.domain.Devices.InputDef;
import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.Devices.MemballoonDef;
import org.virtd.conf.domain.Devices.RedirdevDef;
import org.virtd.conf.domain.Devices.RngDef;
import org.virtd.conf.domain.Devices.SoundDef;
import org.virtd.conf.domain.Devices.VideoDef;
import org.virtd.conf.domain.DiskOrder;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The device half of the QEMU post-parse step (qemu-driver.md §2 table): disk drivers and drive
 * addresses, default and implicit controllers, MACs and NIC models, serial/console pairing,
 * implicit PS/2 inputs, the default audio, video and balloon, then PCI slots (q35: PCIe
 * endpoints one per root port), USB ports and virtio-serial ports.
 */
final class QemuDeviceDefaults {

    private final boolean q35;
    private final RandomGenerator random;

    QemuDeviceDefaults(String machine, RandomGenerator random) {
        this.q35 = machine.contains("q35");
        this.random = random;
    }

    Devices apply(Devices d, String emulator) throws VirtException {
        List<DiskDef> disks = disks(d.disks());
        List<ControllerDef> controllers = new ArrayList<>(d.controllers());
        Controllers.addDefaults(controllers, disks, q35);
        if (d.channels().stream().anyMatch(c -> "virtio".equals(c.targetType()))) {
            Controllers.addVirtioSerial(controllers);
        }
        List<VideoDef> videos = videos(d.videos(), !d.graphics().isEmpty());
        List<SoundDef> sounds = new ArrayList<>(d.sounds());
        List<RngDef> rngs = new ArrayList<>(d.rngs());
        PciSlots pci = new PciSlots(q35);
        reserveGiven(pci, d, controllers, disks);
        if (!videos.isEmpty() && videos.get(0).primary() && videos.get(0).address() == null) {
            // pc puts the primary video in slot 2, q35 in slot 1 (both integrated in bus 0)
            DeviceAddress fixed = DeviceAddress.pci(0, q35 ? 1 : 2, 0);
            videos.set(0, videos.get(0).withAddress(fixed));
            pci.reserve(fixed);
        }
        if (q35 && !sounds.isEmpty() && sounds.get(0).model().equals("ich9") && sounds.get(0).address() == null
                && pci.isFree(0, 0x1b)) {
            sounds.set(0, new SoundDef("ich9", DeviceAddress.pci(0, 0x1b, 0)));
            pci.reserve(sounds.get(0).address());
        }
        Controllers.assignFixed(controllers, q35);
        MemballoonDef balloon = d.memballoon() == null ? new MemballoonDef("virtio", null) : d.memballoon();
        if (q35) {
            int endpoints = pcieEndpoints(d, controllers, disks, balloon, videos, rngs);
            // a new endpoint leaves one port free for hotplug
            int wanted = endpoints == 0 ? 0 : endpoints + 1;
            RootPorts.addAndRegister(controllers, Math.max(0, wanted - freePorts(pci, controllers)), pci);
            RootPorts.place(controllers, pci);
        }
        // then libvirt's walk: NICs, sound cards, controllers, virtio disks, balloon, rng, further videos
        List<InterfaceDef> nics = new ArrayList<>();
        for (InterfaceDef n : d.interfaces()) {
            checkMtu(n);
            String model = n.model() != null ? n.model() : "rtl8139";
            nics.add(withoutGeneratedName(n).with(n.mac() != null ? n.mac() : QemuXmlConf.OPTIONS.generateMac(random),
                    model, place(pci, n.address(), model.equals("virtio") || model.equals("e1000e"))));
        }
        for (int i = 0; i < sounds.size(); i++) {
            SoundDef s = sounds.get(i);
            if (!s.model().equals("pcspk") && !s.model().equals("sb16") && !s.model().equals("usb")) {
                sounds.set(i, new SoundDef(s.model(), pci.assign(s.address())));
            }
        }
        Controllers.assignSlots(controllers, pci, q35);
        for (int i = 0; i < disks.size(); i++) {
            DiskDef k = disks.get(i);
            if (k.targetBus().equals("virtio")) {
                disks.set(i, k.withBusAndAddress(k.driverName(), k.driverType(), k.targetBus(), k.readonly(),
                        place(pci, k.address(), true)));
            }
        }
        if (!balloon.model().equals("none")) {
            balloon = balloon.withAddress(place(pci, balloon.address(), true));
        }
        for (int i = 0; i < rngs.size(); i++) {
            rngs.set(i, rngs.get(i).withAddress(place(pci, rngs.get(i).address(), true)));
        }
        for (int i = 0; i < videos.size(); i++) {
            VideoDef v = videos.get(i);
            if (!v.model().equals("none") && (v.address() == null || i > 0)) {
                videos.set(i, v.withAddress(place(pci, v.address(), v.model().equals("virtio"))));
            }
        }
        List<InputDef> inputs = inputs(d.inputs());
        List<RedirdevDef> redirdevs = new ArrayList<>(d.redirdevs());
        List<Devices.HubDef> hubs = new ArrayList<>(d.hubs());
        UsbAddresses.assign(controllers, disks, inputs, redirdevs, hubs);
        UsbAddresses.checkDisks(disks);
        CharDevices chars = CharDevices.pair(d.serials(), d.consoles());
        boolean spice = d.graphics().stream().anyMatch(g -> g.type().equals("spice"));
        List<AudioDef> audios = d.audios().isEmpty() ? List.of(new AudioDef(1, spice ? "spice" : "none"))
                : d.audios();
        return new Devices(emulator, disks, controllers, nics, chars.serials(), chars.consoles(), inputs,
                graphics(d.graphics()), audios, videos, balloon, VirtioSerialPorts.assign(d.channels()), sounds,
                redirdevs, rngs, panics(d.panics()), hubs);
    }

    /** A {@code <panic/>} without a model is the ISA pvpanic device on x86. */
    private static List<Devices.PanicDef> panics(List<Devices.PanicDef> given) {
        return given.stream().map(p -> p.model() == null ? new Devices.PanicDef("isa") : p).toList();
    }

    /** An MTU can only be given to a NIC whose host side is a tap (or a vhost-user socket). */
    private static void checkMtu(InterfaceDef n) throws VirtException {
        if (n.mtu() > 0 && !Set.of("network", "bridge", "ethernet", "vhostuser").contains(n.type())) {
            throw QemuDomainDefaults.qemu(ErrorCode.CONFIG_UNSUPPORTED,
                    "setting MTU on interface type " + n.type() + " is not supported yet");
        }
    }

    /**
     * A {@code <target dev>} in a prefix libvirt generates names with (vnet, macvtap, macvlan) is
     * a name of some earlier run: a definition drops it, unless it names a tap the guest is given.
     */
    private static InterfaceDef withoutGeneratedName(InterfaceDef n) {
        String dev = n.targetDev();
        if (dev == null || "ethernet".equals(n.type()) && n.unmanagedTap()) {
            return n;
        }
        boolean generated = dev.startsWith("vnet") || dev.startsWith("macvtap") || dev.startsWith("macvlan");
        return generated ? n.withTargetDev(null) : n;
    }

    /** A PCIe endpoint goes to a root port on q35; everything else (and all on pc) to bus 0. */
    private DeviceAddress place(PciSlots pci, DeviceAddress given, boolean pcie) {
        return q35 && pcie ? pci.assignPcie(given) : pci.assign(given);
    }

    /** How many endpoints without an address will want a root port. */
    private static int pcieEndpoints(Devices d, List<ControllerDef> controllers, List<DiskDef> disks,
                                     MemballoonDef balloon, List<VideoDef> videos, List<RngDef> rngs) {
        int n = 0;
        for (InterfaceDef nic : d.interfaces()) {
            n += nic.address() == null && ("virtio".equals(nic.model()) || "e1000e".equals(nic.model())) ? 1 : 0;
        }
        for (ControllerDef c : controllers) {
            n += c.address() == null && Controllers.isPcie(c) ? 1 : 0;
        }
        for (DiskDef k : disks) {
            n += k.address() == null && k.targetBus().equals("virtio") ? 1 : 0;
        }
        n += balloon.address() == null && balloon.model().equals("virtio") ? 1 : 0;
        n += (int) rngs.stream().filter(r -> r.address() == null).count();
        for (int i = 1; i < videos.size(); i++) {
            n += videos.get(i).address() == null && "virtio".equals(videos.get(i).model()) ? 1 : 0;
        }
        return n;
    }

    private static int freePorts(PciSlots pci, List<ControllerDef> controllers) {
        int n = 0;
        for (ControllerDef c : controllers) {
            n += RootPorts.isPort(c) && pci.isFree(c.index(), 0) ? 1 : 0;
        }
        return n;
    }

    private List<DiskDef> disks(List<DiskDef> given) throws VirtException {
        List<DiskDef> out = new ArrayList<>();
        for (DiskDef k : given) {
            boolean cdrom = k.device().equals("cdrom");
            boolean ro = k.readonly() || cdrom;
            if (ro && !cdrom && (k.targetBus().equals("ide") || k.targetBus().equals("sata"))) {
                throw QemuDomainDefaults.qemu(ErrorCode.CONFIG_UNSUPPORTED,
                        "readonly " + k.targetBus() + " disks are not supported");
            }
            if (k.device().equals("floppy") && !k.targetBus().equals("fdc")) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "Invalid bus type '" + k.targetBus() + "' for floppy disk");
            }
            if (k.device().equals("lun") && k.targetBus().equals("usb")) {
                throw QemuDomainDefaults.qemu(ErrorCode.CONFIG_UNSUPPORTED,
                        "disk device='lun' is not supported for bus='usb'");
            }
            if (!k.device().equals("disk") && !cdrom || !(k.type().equals("file") || k.type().equals("block"))) {
                throw QemuDomainDefaults.qemu(ErrorCode.CONFIG_UNSUPPORTED, "disk type '" + k.type()
                        + "' device '" + k.device() + "' is not supported by this daemon");
            }
            for (DiskDef prev : out) {
                if (prev.targetDev().equals(k.targetDev())) {
                    throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "target '" + k.targetDev()
                            + "' duplicated for disk sources '" + prev.source() + "' and '" + k.source() + "'");
                }
            }
            out.add(k.withBusAndAddress(k.driverName() == null ? "qemu" : k.driverName(),
                    k.driverType() == null ? "raw" : k.driverType(), k.targetBus(), ro,
                    k.address() != null ? PciSlots.normalise(k.address()) : driveAddress(k)));
        }
        return out;
    }

    private static DeviceAddress driveAddress(DiskDef k) {
        int idx = Math.max(DiskOrder.targetIndex(k.targetDev()), 0);
        return switch (k.targetBus()) {
            case "ide" -> DeviceAddress.drive(idx / 4, (idx % 4) / 2, 0, idx % 2);
            case "sata" -> DeviceAddress.drive(idx / 6, 0, 0, idx % 6);
            case "scsi" -> DeviceAddress.drive(idx / 7, 0, 0, idx % 7);
            case "fdc" -> DeviceAddress.drive(0, 0, 0, idx);
            default -> null;
        };
    }

    private static void reserveGiven(PciSlots pci, Devices d, List<ControllerDef> controllers,
                                     List<DiskDef> disks) {
        controllers.forEach(c -> pci.reserve(c.address()));
        disks.forEach(k -> pci.reserve(k.address()));
        d.interfaces().forEach(n -> pci.reserve(n.address()));
        d.videos().forEach(v -> pci.reserve(v.address()));
        d.sounds().forEach(v -> pci.reserve(v.address()));
        d.rngs().forEach(v -> pci.reserve(v.address()));
        if (d.memballoon() != null) {
            pci.reserve(d.memballoon().address());
        }
    }

    private static List<VideoDef> videos(List<VideoDef> given, boolean hasGraphics) throws VirtException {
        List<VideoDef> in = new ArrayList<>(given);
        if (in.isEmpty() && hasGraphics) {
            in.add(new VideoDef(null, null, null, null, null, false, null));
        }
        List<VideoDef> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            VideoDef v = in.get(i);
            String model = v.model() == null ? "cirrus" : v.model();
            boolean primary = i == 0 && !model.equals("none");
            if (i > 0 && (model.equals("vga") || model.equals("cirrus") || model.equals("vmvga"))) {
                throw QemuDomainDefaults.qemu(ErrorCode.CONFIG_UNSUPPORTED,
                        "video type '" + model + "' is only valid as primary video device");
            }
            out.add(switch (model) {
                case "none" -> new VideoDef(model, null, null, null, null, false, null, v.alias());
                case "qxl" -> new VideoDef(model, or(v.ram(), 65536), or(v.vram(), 65536), or(v.vgamem(), 16384),
                        or(v.heads(), 1), primary, v.address(), v.alias());
                case "virtio" -> new VideoDef(model, null, null, null, or(v.heads(), 1), primary, v.address(),
                        v.alias());
                default -> new VideoDef(model, null, or(v.vram(), 16384), null, or(v.heads(), 1), primary,
                        v.address(), v.alias());
            });
        }
        return out;
    }

    private static List<InputDef> inputs(List<InputDef> given) {
        List<InputDef> out = new ArrayList<>();
        for (InputDef in : given) {
            String bus = in.bus() != null ? in.bus() : in.type().equals("tablet") ? "usb" : "ps2";
            out.add(new InputDef(in.type(), bus, in.address(), in.alias()));
        }
        for (String type : new String[]{"mouse", "keyboard"}) {
            if (out.stream().noneMatch(i -> i.type().equals(type) && i.bus().equals("ps2"))) {
                out.add(new InputDef(type, "ps2", null));
            }
        }
        return out;
    }

    private static List<GraphicsDef> graphics(List<GraphicsDef> given) throws VirtException {
        List<GraphicsDef> out = new ArrayList<>();
        for (GraphicsDef g : given) {
            if (!g.type().equals("vnc") && !g.type().equals("spice")) {
                throw QemuDomainDefaults.qemu(ErrorCode.CONFIG_UNSUPPORTED,
                        "graphics type '" + g.type() + "' is not supported by this daemon");
            }
            if (g.socket() != null) {
                out.add(g.onSocket(g.socket()));
                continue;
            }
            String autoport = g.autoport() != null ? g.autoport() : g.port() < 0 ? "yes" : "no";
            out.add(new GraphicsDef(g.type(), g.port() < 0 ? -1 : g.port(), autoport, g.listen(), g.passwd(),
                    g.keymap(), g.imageCompression()));
        }
        return out;
    }

    private static Integer or(Integer v, int dflt) {
        return v == null ? dflt : v;
    }

    /** Serial ports and consoles after libvirt's pairing of console 0 with serial 0. */
    record CharDevices(List<CharDevDef> serials, List<CharDevDef> consoles) {

        static CharDevices pair(List<CharDevDef> givenSerials, List<CharDevDef> givenConsoles) {
            List<CharDevDef> serials = new ArrayList<>();
            List<CharDevDef> consoles = new ArrayList<>(givenConsoles);
            boolean consoleIsSerial = !consoles.isEmpty()
                    && (consoles.get(0).targetType() == null || consoles.get(0).targetType().equals("serial"));
            List<CharDevDef> source = new ArrayList<>(givenSerials);
            if (source.isEmpty() && consoleIsSerial) {
                source.add(consoles.get(0));
            }
            for (int i = 0; i < source.size(); i++) {
                CharDevDef s = source.get(i);
                serials.add(s.withTarget("isa-serial", s.targetPort() >= 0 ? s.targetPort() : i, "isa-serial"));
            }
            if (consoles.isEmpty() && !serials.isEmpty()) {
                consoles.add(serials.get(0));
                consoleIsSerial = true;
            }
            if (consoleIsSerial && !serials.isEmpty()) {
                CharDevDef s = serials.get(0);
                consoles.set(0, new CharDevDef(s.type(), s.sourcePath(), s.logFile(), s.logAppend(), "serial",
                        s.targetPort(), null));
            }
            return new CharDevices(serials, consoles);
        }
    }
}
