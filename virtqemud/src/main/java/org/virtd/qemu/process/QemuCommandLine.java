package org.virtd.qemu.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.virtd.qemu.process.QemuLaunchSpec.Accel;
import org.virtd.qemu.process.QemuLaunchSpec.Bus;
import org.virtd.qemu.process.QemuLaunchSpec.Disk;
import org.virtd.qemu.process.QemuLaunchSpec.Nic;
import org.virtd.qemu.process.QemuLaunchSpec.Serial;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * Builds QEMU's argv from a {@link QemuLaunchSpec} in the order libvirt 9.0 uses
 * (qemu-driver.md §4): identity, paused start, master key, machine and accelerator, CPU, memory
 * (with its backend object and overcommit), SMP, UUID, display none without graphics, no defaults, the QMP monitor, clock, {@code -no-shutdown}, boot, kernel, disks, NICs, serial
 * ptys, audio/graphics, video, balloon, panic. Devices use QEMU's JSON syntax; values put into
 * QemuOpts strings have their commas doubled. The result starts with the emulator path.
 */
public final class QemuCommandLine {

    public static final String MASTER_KEY = "master-key.aes";

    private QemuCommandLine() {
    }

    public static List<String> build(QemuLaunchSpec s) throws VirtException {
        List<String> a = new ArrayList<>();
        a.add(s.emulator().toString());
        add(a, "-name", "guest=" + opt(s.name())
                + (s.host().processName() ? ",process=qemu:" + opt(s.name()) : "") + ",debug-threads=on");
        a.add("-S");
        add(a, "-object", JsonObject.of("qom-type", "secret", "id", "masterKey0", "format", "raw",
                "file", masterKey(s).toString()).toJson());
        a.addAll(FirmwareArgs.blockdevs(s.firmware()));
        String ramId = ramId(s.machine());
        add(a, "-machine", opt(s.machine()) + ",usb=off" + FirmwareArgs.smm(s.firmware()) + ",dump-guest-core=off"
                + (ramId != null ? ",memory-backend=" + ramId : "") + FirmwareArgs.machineProps(s.firmware()));
        add(a, "-accel", s.accel() == Accel.KVM ? "kvm" : "tcg");
        add(a, "-cpu", cpu(s));
        a.addAll(FirmwareArgs.globals(s.firmware()));
        add(a, "-m", Long.toString((s.memoryKiB() + 1023) / 1024));
        memoryBackend(a, s, ramId);
        add(a, "-overcommit", "mem-lock=off");
        add(a, "-smp", smp(s.vcpus(), s.maxVcpus()));
        add(a, "-uuid", s.uuid().toString());
        a.addAll(s.platform().smbios());
        if (s.displays().isEmpty()) {
            add(a, "-display", "none");
        }
        a.add("-no-user-config");
        a.add("-nodefaults");
        add(a, "-chardev", "socket,id=charmonitor,path=" + opt(s.monitorSocket().toString()) + ",server=on,wait=off");
        add(a, "-mon", "chardev=charmonitor,id=monitor,mode=control");
        add(a, "-rtc", "base=" + s.clockOffset());
        a.add("-no-shutdown");
        if (!s.acpi()) {
            a.add("-no-acpi");
        }
        add(a, "-boot", "strict=on");
        kernel(a, s);
        a.addAll(s.platform().controllers());
        disks(a, s.disks(), s.platform());
        nics(a, s.nics(), s.platform());
        serials(a, s.serials());
        a.addAll(s.platform().chars());
        display(a, s);
        a.addAll(s.platform().media());
        if (s.balloon()) {
            add(a, "-device", placed(JsonObject.of("driver", "virtio-balloon-pci", "id", "balloon0"), s.platform())
                    .toJson());
        }
        a.addAll(s.platform().rngs());
        if (s.panicIsa()) {
            add(a, "-device", JsonObject.of("driver", "pvpanic").toJson());
        }
        if (s.host().sandbox()) {
            add(a, "-sandbox", SANDBOX);
        }
        if (s.host().logTimestamp()) {
            add(a, "-msg", "timestamp=on");
        }
        return List.copyOf(a);
    }

    /** QEMU's seccomp filter as libvirt asks for it: no obsolete calls, setuid, fork/exec or rlimit/affinity changes. */
    static final String SANDBOX = "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny";

    private static void add(List<String> a, String flag, String value) {
        a.add(flag);
        a.add(value);
    }

    /** QemuOpts value escaping: a comma inside a value is written twice. */
    static String opt(String value) {
        return value.replace(",", ",,");
    }

    private static String cpu(QemuLaunchSpec s) throws VirtException {
        String mode = s.cpu().mode();
        return switch (mode) {
            case "custom" -> {
                StringBuilder c = new StringBuilder(opt(s.cpu().model() == null ? "qemu64" : s.cpu().model()));
                s.cpu().features().forEach(f -> c.append(',').append(opt(f)));
                yield c.toString();
            }
            case "host-passthrough" -> {
                failWithoutKvm(s, mode);
                yield "host,migratable=on";
            }
            case "host-model" -> s.accel() == Accel.KVM ? "host" : "max";
            case "maximum" -> "max";
            default -> throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "CPU mode '" + mode + "' is not supported");
        };
    }

    private static void failWithoutKvm(QemuLaunchSpec s, String mode) throws VirtException {
        if (s.accel() != Accel.KVM) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "CPU mode '" + mode
                    + "' for x86_64 qemu domain on x86_64 host is not supported by hypervisor");
        }
    }

    static String smp(int current, int max) {
        return current == max ? current + ",sockets=" + max + ",cores=1,threads=1"
                : current + ",maxcpus=" + max + ",sockets=" + max + ",cores=1,threads=1";
    }

    /** The guest's RAM as a backend object with {@code <numatune>}'s host nodes and policy, as libvirt gives it. */
    /**
     * The guest's RAM as an object of its own, named as the machine names its RAM (so states saved
     * with or without it load either way), with {@code <numatune>}'s host nodes and policy.
     */
    private static void memoryBackend(List<String> a, QemuLaunchSpec s, String ramId) {
        if (ramId == null) {
            return;
        }
        JsonObject ram = JsonObject.of("qom-type", "memory-backend-ram", "id", ramId,
                "size", (s.memoryKiB() + 1023) / 1024 * 1024 * 1024);
        QemuLaunchSpec.MemoryPolicy p = s.memoryPolicy();
        if (p != null && p.policy() != null) {
            JsonValue[] nodes = p.hostNodes().stream().map(n -> JsonValue.of((long) n)).toArray(JsonValue[]::new);
            ram = ram.with("host-nodes", JsonArray.of(nodes)).with("policy", p.policy());
        }
        add(a, "-object", ram.toJson());
    }

    private static void kernel(List<String> a, QemuLaunchSpec s) {
        if (s.kernel() != null) {
            add(a, "-kernel", s.kernel().toString());
        }
        if (s.initrd() != null) {
            add(a, "-initrd", s.initrd().toString());
        }
        if (s.append() != null) {
            add(a, "-append", s.append());
        }
    }

    /** The device with the {@code bus} and {@code addr} its definition gave it, when there is one. */
    private static JsonObject placed(JsonObject dev, QemuLaunchSpec.Platform platform) {
        return atPci(dev, platform.places().get(dev.string("id").orElse("")));
    }

    // formats whose images may have a backing image: their format node always says which
    private static final Set<String> BACKING_FORMATS = Set.of("qcow2", "qcow", "qed", "vmdk");

    private static void disks(List<String> a, List<Disk> disks, QemuLaunchSpec.Platform platform)
            throws VirtException {
        int countdown = disks.size();
        for (Disk d : disks) {
            int node = d.node() > 0 ? d.node() : countdown;
            blockNodes(a, d, node);
            JsonObject dev = d.bus() == QemuLaunchSpec.Bus.VIRTIO ? pciDisk(diskDevice(d, node), platform)
                    : placed(diskDevice(d, node), platform);
            if (d.bootIndex() > 0) {
                dev = dev.with("bootindex", (long) d.bootIndex());
            }
            if (d.bus() == QemuLaunchSpec.Bus.USB) {
                dev = usbRemovable(dev);
            }
            add(a, "-device", dev.toJson());
            countdown--;
        }
    }

    /** The protocol node of a disk's image ({@code libvirt-N-storage}), for -blockdev and blockdev-add. */
    public static JsonObject blockdevStorage(Disk d, int node) {
        return storageNode(d.source(), node);
    }

    /** The format node over it ({@code libvirt-N-format}). */
    public static JsonObject blockdevFormat(Disk d, int node) {
        return formatNode(d.format(), node, d.readOnly() || d.cdrom(), d.tuning());
    }

    /**
     * A node with the host cache mode of {@code <driver cache=>} (null or "default": QEMU's own),
     * as libvirt gives it to every node of the disk.
     */
    public static JsonObject withCache(JsonObject node, String cache) {
        if (cache == null || cache.equals("default")) {
            return node;
        }
        boolean direct = cache.equals("none") || cache.equals("directsync");
        return node.with("cache", JsonObject.of("direct", direct, "no-flush", cache.equals("unsafe")));
    }

    /** The guest's write cache a cache mode implies (null: the device's default). */
    public static String writeCache(String cache) {
        if (cache == null || cache.equals("default")) {
            return null;
        }
        return cache.equals("writethrough") || cache.equals("directsync") ? "off" : "on";
    }

    /** The guest device of a disk on its format node, without a PCI place; its id is libvirt's alias. */
    public static JsonObject diskDevice(Disk d, int node) throws VirtException {
        String format = "libvirt-" + node + "-format";
        return switch (d.bus()) {
            case VIRTIO -> JsonObject.of("driver", "virtio-blk-pci", "drive", format, "id",
                    "virtio-disk" + Math.max(org.virtd.conf.domain.DiskOrder.targetIndex(d.target()), 0));
            case SCSI -> d.drive() != null ? scsi(d.drive(), d.cdrom(), format) : scsi(d, format);
            case IDE -> ide(d, format);
            case SATA -> JsonObject.of("driver", d.cdrom() ? "ide-cd" : "ide-hd", "bus", d.drive().bus(),
                    "drive", format, "id", d.drive().id());
            case USB -> JsonObject.of("driver", "usb-storage", "bus", d.drive().bus(), "port", d.drive().port(),
                    "drive", format, "id", d.drive().id());
        };
    }

    /** libvirt always tells a usb-storage device whether its medium is removable (it is not). */
    public static JsonObject usbRemovable(JsonObject dev) {
        return dev.with("removable", false);
    }

    /** A device with its PCI bus and addr ({@code pci.0}, {@code 0x3}), as device_add takes it. */
    public static JsonObject atPci(JsonObject dev, QemuLaunchSpec.PciPlace p) {
        if (p == null) {
            return dev;
        }
        dev = dev.with("bus", p.bus());
        return p.multifunction() ? dev.with("multifunction", true).with("addr", p.addr()) : dev.with("addr", p.addr());
    }

    /**
     * The storage and format nodes of {@code d}'s images, the deepest backing image first, each
     * format node naming the one below it ({@code null} at the end of a chain it knows).
     */
    private static void blockNodes(List<String> a, Disk d, int node) {
        boolean known = d.node() > 0;
        String below = null;
        for (int i = d.backing().size() - 1; i >= 0; i--) {
            QemuLaunchSpec.Layer l = d.backing().get(i);
            below = imageNodes(a, l.source(), l.format(), l.node(), true, known, below,
                    new QemuLaunchSpec.Tuning(d.tuning().discard(), null));
        }
        imageNodes(a, d.source(), d.format(), node, d.readOnly() || d.cdrom(), known, below, d.tuning());
    }

    private static String imageNodes(List<String> a, Path source, String format, int node, boolean ro,
                                     boolean chainKnown, String below, QemuLaunchSpec.Tuning tuning) {
        add(a, "-blockdev", storageNode(source, node).toJson());
        JsonObject fmt = formatNode(format, node, ro, tuning);
        if (chainKnown && BACKING_FORMATS.contains(fmt.string("driver", "raw"))) {
            fmt = fmt.with("backing", below);
        }
        add(a, "-blockdev", fmt.toJson());
        return fmt.string("node-name", null);
    }

    private static JsonObject storageNode(Path source, int node) {
        return JsonObject.of("driver", "file", "filename", source.toString(), "node-name",
                "libvirt-" + node + "-storage", "auto-read-only", true, "discard", "unmap");
    }

    /**
     * A format node; discard applies to every image of a disk, zero detection to its top one, and
     * {@code unmap} detection falls back to {@code on} unless discards are passed down.
     */
    private static JsonObject formatNode(String format, int node, boolean ro, QemuLaunchSpec.Tuning tuning) {
        JsonObject o = JsonObject.of("node-name", "libvirt-" + node + "-format", "read-only", ro);
        if (tuning.discard() != null && !tuning.discard().equals("default")) {
            o = o.with("discard", tuning.discard());
        }
        String zeroes = tuning.detectZeroes();
        if (zeroes != null && !zeroes.equals("default")) {
            o = o.with("detect-zeroes", zeroes.equals("unmap") && !"unmap".equals(tuning.discard()) ? "on" : zeroes);
        }
        return o.with("driver", format == null ? "raw" : format).with("file", "libvirt-" + node + "-storage");
    }

    /** A PCI disk as libvirt writes it on the command line: the driver, its PCI address, then the rest. */
    private static JsonObject pciDisk(JsonObject device, QemuLaunchSpec.Platform platform) {
        JsonObject placed = placed(device, platform);
        JsonObject dev = JsonObject.of("driver", device.get("driver"));
        for (String k : placed.keys()) {
            if (!device.keys().contains(k)) {
                dev = dev.with(k, placed.get(k));
            }
        }
        for (String k : device.keys()) {
            if (!k.equals("driver")) {
                dev = dev.with(k, device.get(k));
            }
        }
        return dev;

    }

    /** On the SCSI controller its target letter implies (7 units per controller, as the defaults address it). */
    private static JsonObject scsi(Disk d, String format) throws VirtException {
        String t = d.target();
        if (t == null || !t.matches("sd[a-z]")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "SCSI disk target '" + t + "' must be one of sda..sdz");
        }
        int index = t.charAt(2) - 'a';
        String unit = (index / 7) + "-0-0-" + (index % 7);
        return JsonObject.of("driver", d.cdrom() ? "scsi-cd" : "scsi-hd", "bus", "scsi" + index / 7 + ".0",
                "channel", 0L, "scsi-id", 0L, "lun", (long) (index % 7), "device_id", "drive-scsi" + unit,
                "drive", format, "id", "scsi" + unit);
    }

    /** On the SCSI bus its address names: a narrow bus by unit, a virtio one by target and LUN. */
    private static JsonObject scsi(QemuLaunchSpec.Drive drive, boolean cdrom, String format) {
        JsonObject o = JsonObject.of("driver", cdrom ? "scsi-cd" : "scsi-hd", "bus", drive.bus());
        o = drive.narrowScsi() ? o.with("scsi-id", (long) drive.unit())
                : o.with("channel", 0L).with("scsi-id", (long) drive.target()).with("lun", (long) drive.unit());
        return o.with("device_id", "drive-" + drive.id()).with("drive", format).with("id", drive.id());
    }

    private static JsonObject ide(Disk d, String format) throws VirtException {
        String t = d.target();
        if (t == null || !t.matches("hd[a-d]")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "IDE disk target '" + t + "' must be one of hda..hdd");
        }
        int index = t.charAt(2) - 'a';
        int bus = index / 2;
        int unit = index % 2;
        return JsonObject.of("driver", d.cdrom() ? "ide-cd" : "ide-hd", "bus", "ide." + bus, "unit", (long) unit,
                "drive", format, "id", "ide0-" + bus + "-" + unit);
    }

    private static void nics(List<String> a, List<Nic> nics, QemuLaunchSpec.Platform platform) {
        for (int i = 0; i < nics.size(); i++) {
            Nic n = nics.get(i);
            if (n.vhostUser() != null) {
                add(a, "-chardev", vhostUserChardev(n.vhostUser(), chardevOf("hostnet" + i)));
            }
            add(a, "-netdev", netdev(n, "hostnet" + i).toJson());
            JsonObject dev = placed(nicDevice(n, i), platform);
            if (n.bootIndex() > 0) {
                dev = dev.with("bootindex", (long) n.bootIndex());
            }
            add(a, "-device", dev.toJson());
        }
    }

    /** The socket chardev {@code id} a vhost-user netdev talks to its backend through. */
    static String vhostUserChardev(QemuLaunchSpec.VhostUser v, String id) {
        String s = "socket,id=" + id + ",path=" + opt(v.path().toString());
        if (v.server()) {
            s += ",server=on";
        }
        return v.reconnect() >= 0 ? s + ",reconnect=" + v.reconnect() : s;
    }

    /**
     * The same socket as {@link #vhostUserChardev}, as {@code chardev-add} takes it for a hot-plugged
     * NIC; a server socket does not wait for its backend there (QEMU would hold the monitor).
     */
    public static JsonObject vhostUserChardevAdd(QemuLaunchSpec.VhostUser v, String id) {
        JsonObject data = JsonObject.of("addr", JsonObject.of("type", "unix",
                "data", JsonObject.of("path", v.path().toString())), "server", v.server());
        if (v.server()) {
            data = data.with("wait", false);
        }
        if (v.reconnect() >= 0) {
            data = data.with("reconnect", (long) v.reconnect());
        }
        return JsonObject.of("id", id, "backend", JsonObject.of("type", "socket", "data", data));
    }

    /** {@code host:port}, with an empty host for every address. */
    private static String endpoint(String address, int port) {
        return (address == null ? "" : address) + ":" + port;
    }

    /** The chardev of netdev {@code hostnet<i>}: {@code charnet<i>}, as libvirt names it. */
    public static String chardevOf(String netdevId) {
        return "char" + netdevId.substring("host".length());
    }

    /** The guest NIC {@code net<i>} on netdev {@code hostnet<i>}, without a PCI place. */
    public static JsonObject nicDevice(Nic n, int i) {
        String model = n.model() == null ? "rtl8139" : n.model();
        JsonObject dev = JsonObject.of("driver", switch (model) {
            case "virtio" -> "virtio-net-pci";
            case "virtio-transitional" -> "virtio-net-pci-transitional";
            case "virtio-non-transitional" -> "virtio-net-pci-non-transitional";
            default -> model;
        });
        if (n.hostMtu() > 0 && model.startsWith("virtio")) {
            dev = dev.with("host_mtu", (long) n.hostMtu());
        }
        return dev.with("netdev", "hostnet" + i).with("id", "net" + i).with("mac", n.mac());
    }

    /**
     * User-mode networking, a vhost-user backend (through chardev {@code charnet<i>}, made first), a
     * socket tunnel, or the tap prepared on the host, which QEMU attaches to by name.
     */
    public static JsonObject netdev(Nic n, String id) {
        if (n.vhostUser() != null) {
            return JsonObject.of("type", "vhost-user", "chardev", chardevOf(id), "id", id);
        }
        QemuLaunchSpec.Tunnel t = n.tunnel();
        if (t != null) {
            JsonObject o = JsonObject.of("type", "socket", t.kind(), endpoint(t.address(), t.port()));
            if (t.localAddress() != null) {
                o = o.with("localaddr", endpoint(t.localAddress(), t.localPort()));
            }
            return o.with("id", id);
        }
        if (n.tap() == null) {
            return JsonObject.of("type", "user", "id", id);
        }
        JsonObject o = JsonObject.of("type", "tap", "ifname", n.tap(), "script", "no", "downscript", "no",
                "vnet_hdr", n.vnetHdr());
        if (n.vhost()) {
            o = o.with("vhost", true);
        }
        return o.with("id", id);
    }

    private static void serials(List<String> a, List<Serial> serials) {
        for (Serial s : serials) {
            String id = "charserial" + s.port();
            String chardev = "pty,id=" + id;
            if (s.logFile() != null) {
                chardev += ",logfile=" + opt(s.logFile().toString()) + ",logappend=" + (s.logAppend() ? "on" : "off");
            }
            add(a, "-chardev", chardev);
            add(a, "-device", JsonObject.of("driver", "isa-serial", "chardev", id, "id", "serial" + s.port(),
                    "index", (long) s.port()).toJson());
        }
    }

    /**
     * The file QEMU reads its master key from ({@code masterKey0}, which secrets handed to it are
     * encrypted with): beside the monitor socket, in the domain's own directory.
     */
    public static Path masterKey(QemuLaunchSpec s) {
        return s.monitorSocket().resolveSibling(MASTER_KEY);
    }

    /** The id x86 machines give their RAM (QEMU's default-ram-id), or null for one without it. */
    static String ramId(String machine) {
        return machine != null && (machine.startsWith("pc") || machine.startsWith("q35") || machine.equals("isapc"))
                ? "pc.ram" : null;
    }

    private static void display(List<String> a, QemuLaunchSpec s) {
        boolean spice = s.displays().stream().anyMatch(QemuLaunchSpec.Display::spice);
        add(a, "-audiodev", JsonObject.of("id", "audio1", "driver", spice ? "spice" : "none").toJson());
        for (QemuLaunchSpec.Display d : s.displays()) { // in the definition's order, as libvirt
            String listen = d.listen();
            if (d.spice()) {
                add(a, "-spice", "port=" + d.port() + ",addr=" + listen
                        + ",disable-ticketing=on,seamless-migration=on");
            } else if (d.socket() != null) {
                add(a, "-vnc", "vnc=unix:" + opt(d.socket().toString()) + ",audiodev=audio1");
            } else {
                String host = listen.contains(":") ? "[" + listen + "]" : listen;
                add(a, "-vnc", host + ":" + (d.port() - 5900) + ",audiodev=audio1");
            }
        }
        if (s.video() != null && !s.video().equals("none")) {
            String driver = switch (s.video()) {
                case "cirrus" -> "cirrus-vga";
                case "virtio" -> "virtio-vga";
                default -> "VGA";
            };
            JsonObject video = JsonObject.of("driver", driver, "id", "video0");
            if (s.videoVramKiB() > 0 && (driver.equals("VGA") || driver.equals("vmware-svga"))) {
                video = video.with("vgamem_mb", (long) s.videoVramKiB() / 1024); // libvirt sizes VGA memory by vram
            }
            add(a, "-device", placed(video, s.platform()).toJson());
        }
    }
}
