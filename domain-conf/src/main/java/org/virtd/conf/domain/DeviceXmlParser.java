package org.virtd.conf.domain;

import org.virtd.conf.domain.Devices.AudioDef;
import org.virtd.conf.domain.Devices.ChannelDef;
import org.virtd.conf.domain.Devices.CharDevDef;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.DirectSource;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.Devices.GraphicsDef;
import org.virtd.conf.domain.Devices.InputDef;
import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.Devices.MemballoonDef;
import org.virtd.conf.domain.Devices.NicSource;
import org.virtd.conf.domain.Devices.RedirdevDef;
import org.virtd.conf.domain.Devices.RngDef;
import org.virtd.conf.domain.Devices.SocketSource;
import org.virtd.conf.domain.Devices.SoundDef;
import org.virtd.conf.domain.Devices.VhostUserSource;
import org.virtd.conf.domain.Devices.VideoDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code <devices>} part of virDomainDefParseXML for the subset of qemu-driver.md §2. Disks
 * are ordered the way libvirt inserts them (grouped by bus, by target index within a bus).
 */
final class DeviceXmlParser {

    private static final Set<String> DISK_TYPES = Set.of("file", "block", "dir", "network", "volume", "nvme",
            "vhostuser");
    private static final Set<String> DISK_DEVICES = Set.of("floppy", "disk", "cdrom", "lun");
    private static final Set<String> DISK_FORMATS = Set.of("raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc",
            "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk", "luks", "vhdx");
    private static final Set<String> CACHE_MODES = Set.of("default", "none", "writethrough", "writeback",
            "directsync", "unsafe");
    private static final Set<String> BUSES = Set.of("ide", "fdc", "scsi", "virtio", "xen", "usb", "uml", "sata",
            "sd");
    private static final Set<String> NET_TYPES = Set.of("user", "ethernet", "vhostuser", "server", "client",
            "mcast", "network", "bridge", "internal", "direct", "hostdev", "udp", "vdpa", "null", "vds");
    private static final Set<String> DIRECT_MODES = Set.of("vepa", "private", "bridge", "passthrough");
    private static final Set<String> VIRTIO_NET_MODELS = Set.of("virtio", "virtio-transitional",
            "virtio-non-transitional");
    private static final Set<String> CHAR_TYPES = Set.of("null", "vc", "pty", "dev", "file", "pipe", "stdio",
            "udp", "tcp", "unix", "spicevmc", "spiceport", "nmdm", "qemu-vdagent", "dbus");
    private static final Set<String> INPUT_TYPES = Set.of("mouse", "tablet", "keyboard", "passthrough", "evdev");
    private static final Set<String> GRAPHICS_TYPES = Set.of("sdl", "vnc", "rdp", "desktop", "spice",
            "egl-headless", "dbus");
    private static final Set<String> VIDEO_MODELS = Set.of("vga", "cirrus", "vmvga", "xen", "vbox", "qxl",
            "parallels", "virtio", "gop", "none", "bochs", "ramfb");
    private static final Set<String> BALLOON_MODELS = Set.of("virtio", "xen", "none", "virtio-transitional",
            "virtio-non-transitional");
    private static final Set<String> CONTROLLER_TYPES = Set.of("ide", "fdc", "scsi", "sata", "virtio-serial",
            "ccid", "usb", "pci", "xenbus", "isa");
    private static final Set<String> SOUND_MODELS = Set.of("sb16", "es1370", "pcspk", "ac97", "ich6", "ich9",
            "usb", "ich7");
    private static final Set<String> RNG_MODELS = Set.of("virtio", "virtio-transitional",
            "virtio-non-transitional");
    private static final Set<String> RNG_BACKENDS = Set.of("random", "egd", "builtin");
    private static final Set<String> CHANNEL_TARGETS = Set.of("guestfwd", "virtio", "xen");

    private DeviceXmlParser() {
    }

    static Devices parse(Element devices, DomainXmlOptions options) throws VirtException {
        return parse(devices, options, false);
    }

    /** {@code status}: the devices of a running guest's status file, with the numbers it gave its images. */
    static Devices parse(Element devices, DomainXmlOptions options, boolean status) throws VirtException {
        if (devices == null) {
            return Devices.empty();
        }
        List<DiskDef> disks = new ArrayList<>();
        for (Element e : Dom.children(devices, "disk")) {
            DiskOrder.insert(disks, disk(e, status));
        }
        List<ControllerDef> controllers = new ArrayList<>();
        for (Element e : Dom.children(devices, "controller")) {
            insertController(controllers, controller(e));
        }
        List<InterfaceDef> nics = new ArrayList<>();
        for (Element e : Dom.children(devices, "interface")) {
            nics.add(nic(e));
        }
        List<CharDevDef> serials = chars(devices, "serial");
        List<CharDevDef> consoles = chars(devices, "console");
        List<InputDef> inputs = new ArrayList<>();
        for (Element e : Dom.children(devices, "input")) {
            inputs.add(input(e));
        }
        List<GraphicsDef> graphics = new ArrayList<>();
        for (Element e : Dom.children(devices, "graphics")) {
            graphics.add(graphics(e));
        }
        List<AudioDef> audios = new ArrayList<>();
        for (Element e : Dom.children(devices, "audio")) {
            audios.add(new AudioDef(Math.max(DefErrors.uint(Dom.attr(e, "id"), "audio id"), 0),
                    Dom.attr(e, "type")));
        }
        List<VideoDef> videos = new ArrayList<>();
        for (Element e : Dom.children(devices, "video")) {
            videos.add(video(e, options.defaultVideoModel()));
        }
        List<ChannelDef> channels = new ArrayList<>();
        for (Element e : Dom.children(devices, "channel")) {
            channels.add(channel(e));
        }
        List<SoundDef> sounds = new ArrayList<>();
        for (Element e : Dom.children(devices, "sound")) {
            String model = DefErrors.requireEnum(orDefault(Dom.attr(e, "model"), ""), SOUND_MODELS, "model",
                    "sound");
            sounds.add(new SoundDef(model, address(e), userAlias(e)));
        }
        List<RedirdevDef> redirdevs = new ArrayList<>();
        for (Element e : Dom.children(devices, "redirdev")) {
            redirdevs.add(new RedirdevDef(orDefault(Dom.attr(e, "bus"), "usb"), orDefault(Dom.attr(e, "type"),
                    "spicevmc"), address(e), userAlias(e)));
        }
        List<RngDef> rngs = new ArrayList<>();
        for (Element e : Dom.children(devices, "rng")) {
            rngs.add(rng(e));
        }
        List<Devices.PanicDef> panics = new ArrayList<>();
        for (Element e : Dom.children(devices, "panic")) {
            panics.add(new Devices.PanicDef(DefErrors.requireEnum(Dom.attr(e, "model"),
                    Set.of("isa", "pseries", "hyperv", "s390", "pvpanic"), "model", "panic")));
        }
        List<Devices.HubDef> hubs = new ArrayList<>();
        for (Element e : Dom.children(devices, "hub")) {
            hubs.add(new Devices.HubDef(DefErrors.requireEnum(Dom.attr(e, "type"), Set.of("usb"), "type", "hub"),
                    address(e), userAlias(e)));
        }
        return new Devices(Dom.text(devices, "emulator"), disks, controllers, nics, serials, consoles, inputs,
                graphics, audios, videos, balloon(Dom.child(devices, "memballoon")), channels, sounds, redirdevs,
                rngs, panics, hubs);
    }

    private static ChannelDef channel(Element e) throws VirtException {
        String type = orDefault(Dom.attr(e, "type"), "pty");
        if (!CHAR_TYPES.contains(type)) {
            throw DefErrors.unsupported("unknown type presented to host for character device: " + type);
        }
        Element source = Dom.child(e, "source");
        Element target = Dom.child(e, "target");
        String targetType = Dom.attr(target, "type");
        if (targetType == null || !CHANNEL_TARGETS.contains(targetType)) {
            throw DefErrors.unsupported("unknown target type '" + targetType + "' specified for character device");
        }
        String mode = Dom.attr(source, "mode");
        return new ChannelDef(type, "unix".equals(type) ? orDefault(mode, "connect") : mode,
                Dom.attr(source, "path"), targetType, Dom.attr(target, "name"), null, address(e),
                userAlias(e));
    }

    private static RngDef rng(Element e) throws VirtException {
        String model = DefErrors.requireEnum(orDefault(Dom.attr(e, "model"), ""), RNG_MODELS, "model", "rng");
        Element backend = Dom.child(e, "backend");
        if (backend == null) {
            throw DefErrors.xml("missing RNG device backend");
        }
        String backendModel = DefErrors.requireEnum(orDefault(Dom.attr(backend, "model"), ""), RNG_BACKENDS,
                "model", "backend");
        String path = backend.getTextContent().strip();
        return new RngDef(model, backendModel, path.isEmpty() ? null : path, address(e), userAlias(e));
    }

    private static DiskDef disk(Element e, boolean status) throws VirtException {
        String type = DefErrors.requireEnum(orDefault(Dom.attr(e, "type"), "file"), DISK_TYPES, "type", "disk");
        String device = DefErrors.requireEnum(orDefault(Dom.attr(e, "device"), "disk"), DISK_DEVICES, "device",
                "disk");
        Element driver = Dom.child(e, "driver");
        String format = Dom.attr(driver, "type");
        Element source = Dom.child(e, "source");
        String path = "block".equals(type) ? Dom.attr(source, "dev") : Dom.attr(source, "file");
        Element target = Dom.child(e, "target");
        String dev = Dom.attr(target, "dev");
        if (dev == null || dev.isEmpty()) {
            throw new VirtException(ErrorCode.NO_TARGET, ErrorDomain.DOMAIN, path);
        }
        if (format != null && !DISK_FORMATS.contains(format)) {
            throw DefErrors.unsupported("unknown driver format value '" + format + "'");
        }
        String bus = DefErrors.requireEnum(Dom.attr(target, "bus"), BUSES, "bus", "target");
        return new DiskDef(type, device, Dom.attr(driver, "name"), format, path, dev,
                bus == null ? DiskOrder.busFromTarget(dev) : bus, Dom.child(e, "readonly") != null, address(e),
                userAlias(e), status ? Math.max(DefErrors.uint(Dom.attr(source, "index"), "source index"), 0) : 0,
                DefErrors.requireEnum(Dom.attr(driver, "cache"), CACHE_MODES, "cache", "driver"),
                BackingStoreXml.parse(e, status), status ? BackingStoreXml.parseMirror(e) : null,
                iotune(Dom.child(e, "iotune")), new DiskDriverOptions(
                        DefErrors.requireEnum(Dom.attr(driver, "discard"), DiskDriverOptions.DISCARD_MODES,
                                "discard", "driver"),
                        DefErrors.requireEnum(Dom.attr(driver, "detect_zeroes"),
                                DiskDriverOptions.DETECT_ZEROES_MODES, "detect_zeroes", "driver")));
    }

    /** {@code <iotune>}: each limit an element holding a number. */
    private static DiskIoTune iotune(Element e) throws VirtException {
        if (e == null) {
            return DiskIoTune.NONE;
        }
        java.util.Map<String, Long> values = new java.util.HashMap<>();
        for (String name : DiskIoTune.NAMES) {
            Element v = Dom.child(e, name);
            if (v != null) {
                try {
                    values.put(name, Long.parseUnsignedLong(v.getTextContent().trim()));
                } catch (NumberFormatException ex) {
                    throw DefErrors.xml("disk iotune field '" + name + "' must be an integer");
                }
            }
        }
        Element group = Dom.child(e, "group_name");
        return new DiskIoTune(values, group == null ? null : group.getTextContent().trim());
    }

    /** {@code <bandwidth>}: an {@code <inbound>} and an {@code <outbound>} rate. */
    private static NetBandwidth bandwidth(Element e) throws VirtException {
        if (e == null) {
            return null;
        }
        return new NetBandwidth(rate(Dom.child(e, "inbound")), rate(Dom.child(e, "outbound")));
    }

    private static NetBandwidth.Rate rate(Element e) throws VirtException {
        if (e == null) {
            return null;
        }
        return new NetBandwidth.Rate(rateValue(e, "average"), rateValue(e, "peak"), rateValue(e, "burst"),
                rateValue(e, "floor"));
    }

    private static long rateValue(Element e, String attr) throws VirtException {
        String v = Dom.attr(e, attr);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(v);
        } catch (NumberFormatException ex) {
            throw DefErrors.xml("could not convert bandwidth " + attr + " value '" + v + "'");
        }
    }

    /**
     * libvirt keeps controllers of one type together by index: one with an index goes after the
     * last of its type with a lower index, or before the first with a higher one; others at the end.
     */
    private static void insertController(List<ControllerDef> list, ControllerDef c) {
        int insertAt = -1;
        for (int i = list.size() - 1; c.index() >= 0 && i >= 0; i--) {
            ControllerDef cur = list.get(i);
            if (!cur.type().equals(c.type())) {
                continue;
            }
            if (cur.index() > c.index()) {
                insertAt = i;
            } else if (insertAt == -1) {
                insertAt = i + 1;
            }
        }
        list.add(insertAt < 0 ? list.size() : insertAt, c);
    }

    private static ControllerDef controller(Element e) throws VirtException {
        String type = DefErrors.requireEnum(orDefault(Dom.attr(e, "type"), "ide"), CONTROLLER_TYPES, "type",
                "controller");
        Element target = Dom.child(e, "target");
        return new ControllerDef(type, DefErrors.uint(Dom.attr(e, "index"), "controller index"),
                Dom.attr(e, "model"), Dom.childAttr(e, "model", "name"), Dom.attr(target, "chassis"),
                Dom.attr(target, "port"), Dom.childAttr(e, "master", "startport"), address(e), userAlias(e),
                number(e, "ports", "controller ports"));
    }

    private static InterfaceDef nic(Element e) throws VirtException {
        String type = DefErrors.requireEnum(orDefault(Dom.attr(e, "type"), ""), NET_TYPES, "type", "interface");
        String mac = Dom.childAttr(e, "mac", "address");
        if (mac != null && !mac.matches("\\p{XDigit}{1,2}(:\\p{XDigit}{1,2}){5}")) {
            throw DefErrors.xml("unable to parse mac address '" + mac + "'");
        }
        Element source = Dom.child(e, "source");
        Element target = Dom.child(e, "target");
        String managed = Dom.attr(target, "managed");
        if (managed != null) {
            managed = DefErrors.requireEnum(managed, Set.of("yes", "no"), "managed", "target");
        }
        String link = Dom.childAttr(e, "link", "state");
        if (link != null) {
            link = DefErrors.requireEnum(link, Set.of("up", "down"), "state", "link");
        }
        Element mtu = Dom.child(e, "mtu");
        int mtuSize = mtu == null ? 0 : Math.max(DefErrors.uint(Dom.attr(mtu, "size"), "mtu size"), 0);
        NicSource typed = nicSource(type, source);
        String model = Dom.childAttr(e, "model", "type");
        if (typed instanceof VhostUserSource && (model == null || !VIRTIO_NET_MODELS.contains(model))) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "Wrong or no <model> 'type' "
                    + "attribute specified with <interface type='vhostuser'/>. vhostuser requires the virtio-net* frontend");
        }
        boolean tapSource = typed == null;
        return new InterfaceDef(type, mac == null ? null : MacAddresses.canonical(mac),
                tapSource ? Dom.attr(source, "network") : null, tapSource ? Dom.attr(source, "bridge") : null,
                model, address(e), userAlias(e), Dom.attr(target, "dev"), managed, link, mtuSize,
                bandwidth(Dom.child(e, "bandwidth")), "network".equals(type) ? Dom.attr(source, "portid") : null,
                typed);
    }

    /** The {@code <source>} of the NIC types that carry one of their own; null for the rest. */
    private static NicSource nicSource(String type, Element source) throws VirtException {
        switch (type) {
            case "vhostuser", "server", "client", "mcast", "udp", "direct" -> {
                if (source == null) {
                    throw DefErrors.xml("interface type='" + type + "' requires a 'source' element");
                }
            }
            default -> {
                return null;
            }
        }
        return switch (type) {
            case "vhostuser" -> vhostUserSource(source);
            case "direct" -> new DirectSource(required(source, "dev"),
                    orDefault(DefErrors.requireEnum(Dom.attr(source, "mode"), DIRECT_MODES, "mode", "source"), "vepa"));
            default -> socketSource(type, source);
        };
    }

    /** A socket tunnel's ends, checked in libvirt's order: port, address (not for a server), then udp's local end. */
    private static SocketSource socketSource(String type, Element source) throws VirtException {
        int port = intAttribute(source, "port");
        String address = Dom.attr(source, "address");
        if (address == null && !"server".equals(type)) {
            throw DefErrors.missingAttribute("address", "source");
        }
        if (!"udp".equals(type)) {
            return new SocketSource(address, port, null, 0);
        }
        Element local = Dom.child(source, "local");
        if (local == null) {
            throw DefErrors.xml("'<local>' element missing for 'udp' socket interface");
        }
        int localPort = intAttribute(local, "port");
        return new SocketSource(address, port, required(local, "address"), localPort);
    }

    private static String required(Element e, String attr) throws VirtException {
        String v = Dom.attr(e, attr);
        if (v == null) {
            throw DefErrors.missingAttribute(attr, e.getTagName());
        }
        return v;
    }

    private static int intAttribute(Element e, String attr) throws VirtException {
        return DefErrors.intAttribute(Dom.attr(e, attr), attr, e.getTagName());
    }

    /** A vhostuser NIC's {@code <source>}, checked in libvirt's order: type, path, mode, reconnect. */
    private static VhostUserSource vhostUserSource(Element source) throws VirtException {
        String type = required(source, "type");
        if (!"unix".equals(type)) {
            throw DefErrors.unsupported("Type='" + type + "' unsupported for <interface type='vhostuser'>");
        }
        String path = required(source, "path");
        String mode = DefErrors.requireEnum(required(source, "mode"), Set.of("client", "server"), "mode", "source");
        Element reconnect = Dom.child(source, "reconnect");
        String enabled = DefErrors.requireEnum(Dom.attr(reconnect, "enabled"), Set.of("yes", "no"), "enabled",
                "reconnect");
        int timeout = "yes".equals(enabled)
                ? DefErrors.nonNegativeAttribute(Dom.attr(reconnect, "timeout"), "timeout", "reconnect") : 0;
        if (enabled != null && "server".equals(mode)) {
            throw DefErrors.unsupported("'reconnect' attribute unsupported 'server' mode for <interface type='vhostuser'>");
        }
        return new VhostUserSource(path, mode, enabled, timeout);
    }

    private static List<CharDevDef> chars(Element devices, String kind) throws VirtException {
        List<CharDevDef> out = new ArrayList<>();
        for (Element e : Dom.children(devices, kind)) {
            String type = orDefault(Dom.attr(e, "type"), "pty");
            if (!CHAR_TYPES.contains(type)) {
                throw DefErrors.unsupported("unknown type presented to host for character device: " + type);
            }
            Element log = Dom.child(e, "log");
            Element target = Dom.child(e, "target");
            out.add(new CharDevDef(type, Dom.childAttr(e, "source", "path"), Dom.attr(log, "file"),
                    Dom.attr(log, "append"), Dom.attr(target, "type"),
                    DefErrors.uint(Dom.attr(target, "port"), kind + " port"), Dom.childAttr(target, "model", "name"),
                    userAlias(e)));
        }
        return out;
    }

    private static InputDef input(Element e) throws VirtException {
        String type = Dom.attr(e, "type");
        if (type == null || !INPUT_TYPES.contains(type)) {
            throw DefErrors.unsupported("unknown input device type '" + type + "'");
        }
        return new InputDef(type, Dom.attr(e, "bus"), address(e), userAlias(e));
    }

    private static GraphicsDef graphics(Element e) throws VirtException {
        String type = DefErrors.requireEnum(orDefault(Dom.attr(e, "type"), ""), GRAPHICS_TYPES, "type",
                "graphics");
        String port = Dom.attr(e, "port");
        int portNo;
        try {
            portNo = port == null ? -1 : Integer.parseInt(port.strip());
        } catch (NumberFormatException ex) {
            throw DefErrors.xml("cannot parse vnc port " + port);
        }
        String listen = Dom.attr(e, "listen");
        if (listen == null) {
            listen = Dom.childAttr(e, "listen", "address");
        }
        String socket = Dom.attr(e, "socket");
        if (socket == null && "socket".equals(Dom.childAttr(e, "listen", "type"))) {
            socket = Dom.childAttr(e, "listen", "socket");
        }
        return new GraphicsDef(type, portNo, Dom.attr(e, "autoport"), listen, Dom.attr(e, "passwd"),
                Dom.attr(e, "keymap"), Dom.childAttr(e, "image", "compression"), socket);
    }

    private static VideoDef video(Element e, String defaultModel) throws VirtException {
        Element model = Dom.child(e, "model");
        String type = orDefault(Dom.attr(model, "type"), defaultModel);
        if (type != null && !VIDEO_MODELS.contains(type)) {
            throw DefErrors.unsupported("unknown video model '" + type + "'");
        }
        return new VideoDef(type, number(model, "ram", "video ram"), number(model, "vram", "video vram"),
                number(model, "vgamem", "video vgamem"), number(model, "heads", "video heads"),
                "yes".equals(Dom.attr(model, "primary")), address(e), userAlias(e));
    }

    private static Integer number(Element e, String attr, String what) throws VirtException {
        int v = DefErrors.uint(Dom.attr(e, attr), what);
        return v < 0 ? null : v;
    }

    private static MemballoonDef balloon(Element e) throws VirtException {
        if (e == null) {
            return null;
        }
        String model = DefErrors.requireEnum(orDefault(Dom.attr(e, "model"), ""), BALLOON_MODELS, "model",
                "memballoon");
        return new MemballoonDef(model, address(e), statsPeriod(Dom.child(e, "stats")), userAlias(e));
    }

    /**
     * A user's alias ({@code ua-} prefix), which libvirt keeps in the definition; aliases the
     * driver assigned are given again at each start, so any other one is dropped.
     */
    private static String userAlias(Element device) {
        String name = Dom.childAttr(device, "alias", "name");
        return name != null && name.startsWith("ua-") ? name : null;
    }

    private static int statsPeriod(Element stats) throws VirtException {
        String period = stats == null ? null : Dom.attr(stats, "period");
        if (period == null) {
            return 0;
        }
        try {
            return Integer.parseInt(period.strip());
        } catch (NumberFormatException e) {
            throw DefErrors.xml("invalid statistics collection period");
        }
    }

    private static DeviceAddress address(Element device) {
        Element a = Dom.child(device, "address");
        if (a == null || Dom.attr(a, "type") == null) {
            return null;
        }
        List<DeviceAddress.Attribute> attrs = new ArrayList<>();
        var map = a.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            var n = map.item(i);
            if (!n.getNodeName().equals("type")) {
                attrs.add(new DeviceAddress.Attribute(n.getNodeName(), n.getNodeValue()));
            }
        }
        return new DeviceAddress(Dom.attr(a, "type"), AddressOrder.sorted(Dom.attr(a, "type"), attrs));
    }

    private static String orDefault(String v, String dflt) {
        return v == null ? dflt : v;
    }
}
