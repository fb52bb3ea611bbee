package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.OsFirmware;
import org.virtd.qemu.config.QemuConf;
import org.virtd.qemu.cpu.QemuFeatureNames;
import org.virtd.qemu.hostnet.HostNics;
import org.virtd.qemu.process.QemuLaunchSpec;
import org.virtd.qemu.process.QemuLaunchSpec.Accel;
import org.virtd.qemu.process.QemuLaunchSpec.Bus;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Maps a completed domain definition (defaults applied at define) onto the launch spec the
 * command line is built from (qemu-driver.md §4): accelerator from the domain type and whether
 * KVM really works, boot order as boot indexes on the first device of each kind, pty serials
 * with their {@code <log file>}, VNC with an allocated port. Devices outside the clean subset
 * are refused with CONFIG_UNSUPPORTED instead of being started half-configured.
 */
public final class LaunchSpecMapping {
    private static final Path DEFAULT_EMULATOR = Path.of("/usr/bin/qemu-system-x86_64");
    private static final Path VHOST_NET = Path.of("/dev/vhost-net");

    private final boolean kvmWorks;
    private final IntSupplier vncPorts;
    private final Supplier<QemuConf> conf;

    /**
     * @param kvmWorks whether domains of type {@code kvm} may use KVM (KvmSupport.fast())
     * @param vncPorts gives a free VNC port for {@code autoport='yes'}
     * @param conf     qemu.conf as it is when a guest starts
     */
    public LaunchSpecMapping(boolean kvmWorks, IntSupplier vncPorts, Supplier<QemuConf> conf) {
        this.kvmWorks = kvmWorks;
        this.vncPorts = vncPorts;
        this.conf = conf;
    }

    /** A mapping with qemu.conf's defaults, for callers without a daemon (tests). */
    public LaunchSpecMapping(boolean kvmWorks, IntSupplier vncPorts) {
        this(kvmWorks, vncPorts, () -> QemuConf.defaults("defaults", Path.of("/var/lib/libvirt")));
    }

    /** A custom CPU's features in definition order, as QEMU spells them: required on, disabled off. */
    static List<String> cpuSwitches(DomainDef.CpuDef cpu) {
        if (!"custom".equals(cpu.mode())) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (DomainDef.CpuFeature f : cpu.features()) {
            String state = switch (f.policy() == null ? "require" : f.policy()) {
                case "require", "force" -> "on";
                case "disable", "forbid" -> "off";
                default -> null;
            };
            if (state != null) {
                out.add(QemuFeatureNames.toQemu(f.name()) + "=" + state);
            }
        }
        return out;
    }

    /** A pflash loader (UEFI) with its variable store; a ROM loader or none leaves QEMU's own BIOS. */
    private static QemuLaunchSpec.Firmware firmware(DomainDef def) {
        OsFirmware fw = def.os().firmware();
        if (fw == null || fw.loader() == null || fw.loader().path() == null || !"pflash".equals(fw.loader().type())) {
            return null;
        }
        return new QemuLaunchSpec.Firmware(Path.of(fw.loader().path()),
                fw.nvram() == null || fw.nvram().path() == null ? null : Path.of(fw.nvram().path()),
                "yes".equals(fw.loader().secure()), def.features() != null && def.features().stream()
                        .anyMatch(f -> f.name().equals("smm") && !"off".equals(f.state())));
    }

    public QemuLaunchSpec map(DomainDef def, Path monitorSocket) throws VirtException {
        QemuConf qemuConf = conf.get();
        Devices dev = def.devices() == null ? Devices.empty() : def.devices();
        DomainDef.OsDef os = def.os();
        QemuLaunchSpec.Builder b = QemuLaunchSpec.builder(def.name(), def.uuid())
                .emulator(dev.emulator() != null ? Path.of(dev.emulator()) : DEFAULT_EMULATOR)
                .memoryKiB(def.memoryKiB())
                .vcpus(def.vcpus().effectiveCurrent(), def.vcpus().max())
                .machine(os.machine() != null ? os.machine() : "pc")
                .accel("kvm".equals(def.type()) && kvmWorks ? Accel.KVM : Accel.TCG)
                .acpi(def.hasFeature("acpi"))
                .clockOffset(def.clock() != null && def.clock().offset() != null ? def.clock().offset() : "utc")
                .monitorSocket(monitorSocket)
                .host(new QemuLaunchSpec.HostPolicy(qemuConf.setProcessName(), qemuConf.logTimestamp(),
                        qemuConf.maxProcesses(), qemuConf.maxFiles(), qemuConf.confinement().seccompSandbox() != 0));
        b.firmware(firmware(def));
        b.memoryPolicy(NumaMemory.policy(def));
        b.panicIsa(dev.panics().stream().anyMatch(p -> "isa".equals(p.model())));
        if (def.cpu() != null && def.cpu().mode() != null) {
            b.cpu(new QemuLaunchSpec.Cpu(def.cpu().mode(), def.cpu().model(), cpuSwitches(def.cpu())));
        }
        if (os.kernel() != null || os.initrd() != null || os.cmdline() != null) {
            b.kernel(os.kernel() == null ? null : Path.of(os.kernel()), os.initrd() == null ? null : Path.of(os.initrd()),
                    os.cmdline());
        }
        List<String> boot = os.bootDevices();
        boolean diskBooted = false;
        boolean cdromBooted = false;
        for (Devices.DiskDef d : dev.disks()) {
            if (d.source() == null) {
                throw unsupported("disk '" + d.targetDev() + "' has no source file");
            }
            boolean cdrom = "cdrom".equals(d.device());
            int bootIndex = 0;
            if (cdrom && !cdromBooted && boot.contains("cdrom")) {
                bootIndex = boot.indexOf("cdrom") + 1;
                cdromBooted = true;
            } else if (!cdrom && !diskBooted && boot.contains("hd")) {
                bootIndex = boot.indexOf("hd") + 1;
                diskBooted = true;
            }
            b.disk(new QemuLaunchSpec.Disk(Path.of(d.source()), d.driverType(), d.targetDev(), bus(d), cdrom,
                    d.readonly(), bootIndex, d.sourceIndex(), layers(d), drive(d, def), tuning(d)));
        }
        boolean netBooted = false;
        HostNics.check(def);
        boolean kvm = "kvm".equals(def.type()) && kvmWorks;
        for (Devices.InterfaceDef n : dev.interfaces()) {
            int bootIndex = !netBooted && boot.contains("network") ? boot.indexOf("network") + 1 : 0;
            netBooted |= bootIndex > 0;
            b.nic(nic(n, bootIndex, kvm));
        }
        for (Devices.CharDevDef s : dev.serials()) {
            if (s.type() != null && !"pty".equals(s.type())) {
                throw unsupported("serial type '" + s.type() + "' is not supported by this driver");
            }
            b.serial(new QemuLaunchSpec.Serial(Math.max(s.targetPort(), 0),
                    s.logFile() == null ? null : Path.of(s.logFile()), "on".equals(s.logAppend())));
        }
        for (Devices.GraphicsDef g : dev.graphics()) {
            if (!"vnc".equals(g.type()) && !"spice".equals(g.type())) {
                throw unsupported("graphics type '" + g.type() + "' is not supported by this driver");
            }
            if ("vnc".equals(g.type()) && (g.socket() != null
                    || g.listen() == null && qemuConf.vncAutoUnixSocket() && monitorSocket.getParent() != null)) {
                // qemu.conf's vnc_auto_unix_socket: a display with no address of its own gets a
                // socket in the guest's directory, next to its monitor
                b.display(QemuLaunchSpec.Display.onSocket(g.type(), g.socket() != null ? Path.of(g.socket())
                        : monitorSocket.getParent().resolve("vnc.sock")));
                continue;
            }
            int port = g.port() > 0 && !"yes".equals(g.autoport()) ? g.port() : vncPorts.getAsInt();
            String listen = g.listen() != null ? g.listen()
                    : "spice".equals(g.type()) ? qemuConf.spiceListen() : qemuConf.vncListen();
            b.display(new QemuLaunchSpec.Display(g.type(), listen, port));
        }
        if (!dev.videos().isEmpty()) {
            b.video(dev.videos().get(0).model());
            Integer vram = dev.videos().get(0).vram();
            b.videoVramKiB(vram == null ? 0 : vram);
        }
        b.balloon(dev.memballoon() != null && !"none".equals(dev.memballoon().model()));
        b.platform(PlatformArgs.of(dev, os.machine() != null ? os.machine() : "pc", PlatformArgs.smbios(def),
                monitorSocket.getParent() == null ? null : monitorSocket.getParent().getParent()));
        return b.build();
    }

    /**
     * A tap NIC (its {@code <target dev>} already made by HostNics) gets the virtio-net header for
     * the models that understand it and, on KVM, vhost-net when the host has it, as libvirt picks;
     * a vhostuser NIC its socket, a server, client, mcast or udp NIC its tunnel's ends.
     */
    static QemuLaunchSpec.Nic nic(Devices.InterfaceDef n, int bootIndex, boolean kvm) {
        if ("user".equals(n.type())) {
            return new QemuLaunchSpec.Nic(n.mac(), n.model(), bootIndex);
        }
        Devices.VhostUserSource socket = n.vhostUser();
        if (socket != null) {
            int reconnect = socket.reconnect() == null ? -1 : socket.reconnectTimeout();
            return new QemuLaunchSpec.Nic(n.mac(), n.model(), bootIndex, null, false, false, n.mtu(),
                    new QemuLaunchSpec.VhostUser(Path.of(socket.path()), socket.server(), reconnect), null);
        }
        Devices.SocketSource t = n.socket();
        if (t != null) {
            String kind = switch (n.type()) {
                case "server" -> "listen";
                case "client" -> "connect";
                default -> n.type();
            };
            return new QemuLaunchSpec.Nic(n.mac(), n.model(), bootIndex, null, false, false, 0, null,
                    new QemuLaunchSpec.Tunnel(kind, t.address(), t.port(), t.localAddress(), t.localPort()));
        }
        boolean virtio = "virtio".equals(n.model());
        boolean vnetHdr = virtio || "e1000e".equals(n.model()) || "vmxnet3".equals(n.model());
        boolean vhost = kvm && virtio && Files.exists(VHOST_NET);
        return new QemuLaunchSpec.Nic(n.mac(), n.model(), bootIndex, n.targetDev(), vnetHdr, vhost,
                virtio ? n.mtu() : 0);
    }

    /** The images below a disk's source, as numbered when the chain was resolved. */
    private static List<QemuLaunchSpec.Layer> layers(Devices.DiskDef d) {
        return d.backing().layers().stream()
                .map(l -> new QemuLaunchSpec.Layer(Path.of(l.source()), l.format(), l.index())).toList();
    }

    private static Bus bus(Devices.DiskDef d) throws VirtException {
        String bus = d.targetBus();
        if (bus == null) {
            bus = d.targetDev() != null && d.targetDev().startsWith("vd") ? "virtio" : "ide";
        }
        return switch (bus) {
            case "virtio" -> Bus.VIRTIO;
            case "ide" -> Bus.IDE;
            case "scsi" -> Bus.SCSI;
            case "sata" -> Bus.SATA;
            case "usb" -> Bus.USB;
            default -> throw unsupported("disk bus '" + bus + "' is not supported by this driver");
        };
    }

    /** Where a SATA or SCSI disk with a drive address sits on its controller (null for other disks). */
    static QemuLaunchSpec.Drive drive(Devices.DiskDef d, DomainDef def) {
        DeviceAddress a = d.address();
        if ("usb".equals(d.targetBus()) && a != null && "usb".equals(a.type())) {
            return QemuLaunchSpec.Drive.usb(UsbHotplugPorts.qemuBus(Math.max(a.number("bus"), 0)), a.get("port"),
                    DeviceAliases.diskAlias(d, def.devices().controllers()));
        }
        if (a == null || !"drive".equals(a.type()) || !("sata".equals(d.targetBus()) || "scsi".equals(d.targetBus()))) {
            return null;
        }
        Devices.ControllerDef c = DeviceAliases.controllerOf(d, def.devices().controllers());
        String id = DeviceAliases.diskAlias(d, def.devices().controllers());
        if ("sata".equals(d.targetBus())) {
            String ctrl = c == null ? "sata" + a.number("controller") : DeviceAliases.controllerAlias(c, def.os().machine());
            return new QemuLaunchSpec.Drive(ctrl + "." + a.number("unit"), id, 0, a.number("unit"), false);
        }
        return new QemuLaunchSpec.Drive("scsi" + a.number("controller") + "." + a.number("bus"), id,
                a.number("target"), a.number("unit"), DeviceAliases.narrowScsi(c));
    }

    static QemuLaunchSpec.Tuning tuning(Devices.DiskDef d) {
        return new QemuLaunchSpec.Tuning(d.driverOptions().discard(), d.driverOptions().detectZeroes());
    }

    private static VirtException unsupported(String what) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, what);
    }
}
