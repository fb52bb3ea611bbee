package org.virtd.qemu.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything the command line needs, already resolved (the clean subset of qemu-driver.md §4):
 * the driver maps a domain definition onto it (canonical machine, chosen accelerator, allocated
 * VNC port, monitor socket path) and {@link QemuCommandLine} turns it into argv. Immutable;
 * build it with {@link #builder}.
 */
public record QemuLaunchSpec(Path emulator, String name, UUID uuid, long memoryKiB, int vcpus, int maxVcpus,
        String machine, Accel accel, Cpu cpu, boolean acpi, String clockOffset,
        Path kernel, Path initrd, String append,
        List<Disk> disks, List<Nic> nics, List<Serial> serials, List<Display> displays, String video, int videoVramKiB, boolean balloon,
        boolean panicIsa, Path monitorSocket, Platform platform, HostPolicy host, Firmware firmware,
        MemoryPolicy memoryPolicy) {

    /**
     * Where {@code <numatune>} puts the guest's RAM: the host nodes and QEMU's policy for them
     * ({@code bind}, {@code preferred}, {@code interleave}). Null in the spec: QEMU's default RAM.
     */
    public record MemoryPolicy(List<Integer> hostNodes, String policy) {
        public MemoryPolicy {
            hostNodes = List.copyOf(hostNodes);
        }
    }

    /**
     * UEFI in flash: the read-only code image, the guest's writable variable store (null: none),
     * whether flash writes are restricted to SMM ({@code secure='yes'}) and whether the machine
     * has SMM ({@code <smm state='on'/>}). Null in the spec: no pflash.
     */
    public record Firmware(Path code, Path vars, boolean secure, boolean smm) {
    }

    /** {@code -accel}: kvm for domain type kvm on a usable /dev/kvm, tcg otherwise. */
    public enum Accel { KVM, TCG }

    /**
     * {@code <cpu mode=… >}: custom (named model, default qemu64), host-passthrough, host-model,
     * maximum; {@code features} are QEMU's {@code name=on|off} switches of a custom model.
     */
    public record Cpu(String mode, String model, List<String> features) {
        public static final Cpu DEFAULT = new Cpu("custom", "qemu64");

        public Cpu {
            features = features == null ? List.of() : List.copyOf(features);
        }

        public Cpu(String mode, String model) {
            this(mode, model, List.of());
        }
    }

    /** Disk bus; the driver picks it from {@code target bus=} or the dev prefix (hd → IDE, vd → VIRTIO, sd → SCSI). */
    public enum Bus { IDE, VIRTIO, SCSI, SATA, USB }

    /**
     * A file-backed {@code <disk>}: source, format raw|qcow2, target dev ({@code vda}, {@code hdc}),
     * bus, cdrom, read-only and boot index (0 = none); {@code node} the number in its block node
     * names ({@code libvirt-N-format}) and {@code backing} the images below it, top first. Node 0:
     * numbers counted down from the number of disks, and QEMU left to open the backing files.
     */
    public record Disk(Path source, String format, String target, Bus bus, boolean cdrom, boolean readOnly,
            int bootIndex, int node, List<Layer> backing, Drive drive, Tuning tuning) {
        public Disk {
            backing = List.copyOf(backing);
            tuning = tuning == null ? Tuning.NONE : tuning;
        }

        public Disk(Path source, String format, String target, Bus bus, boolean cdrom, boolean readOnly,
                    int bootIndex, int node, List<Layer> backing) {
            this(source, format, target, bus, cdrom, readOnly, bootIndex, node, backing, null, Tuning.NONE);
        }

        public Disk(Path source, String format, String target, Bus bus, boolean cdrom, boolean readOnly,
                    int bootIndex) {
            this(source, format, target, bus, cdrom, readOnly, bootIndex, 0, List.of());
        }
    }

    /**
     * Where a SATA or SCSI disk sits: the QEMU bus of its controller ({@code sata0.1}, {@code ide.1},
     * {@code scsi0.0}), its device id (libvirt's alias), SCSI target and unit, and whether the
     * controller is a narrow SCSI one (lsilogic) that addresses a disk by unit alone.
     */
    public record Drive(String bus, String id, int target, int unit, boolean narrowScsi, String port) {
        public Drive(String bus, String id, int target, int unit, boolean narrowScsi) {
            this(bus, id, target, unit, narrowScsi, null);
        }

        /** A USB disk: its controller's QEMU bus ({@code usb.0}), port path ({@code 1.2}) and id. */
        public static Drive usb(String bus, String port, String id) {
            return new Drive(bus, id, 0, 0, false, port);
        }
    }

    /** {@code <driver discard= detect_zeroes=>} as the format node takes them (null: not given). */
    public record Tuning(String discard, String detectZeroes) {
        public static final Tuning NONE = new Tuning(null, null);
    }

    /** A backing image: path, format and the number in its node names. */
    public record Layer(Path source, String format, int node) {
    }

    /**
     * An {@code <interface>}: MAC and model (rtl8139, e1000, virtio); boot index (0 = none); the
     * host tap QEMU opens by name (null: user-mode networking), whether it gets the virtio-net
     * header and vhost-net, and the MTU the guest is told (0 = none).
     */
    public record Nic(String mac, String model, int bootIndex, String tap, boolean vnetHdr, boolean vhost,
                      int hostMtu, VhostUser vhostUser, Tunnel tunnel) {
        /** A user-mode NIC. */
        public Nic(String mac, String model, int bootIndex) {
            this(mac, model, bootIndex, null, false, false, 0);
        }

        /** A NIC on the host tap {@code tap}. */
        public Nic(String mac, String model, int bootIndex, String tap, boolean vnetHdr, boolean vhost, int hostMtu) {
            this(mac, model, bootIndex, tap, vnetHdr, vhost, hostMtu, null, null);
        }
    }

    /**
     * A NIC whose frames QEMU carries over a socket to another QEMU: it listens ({@code listen}),
     * connects ({@code connect}), joins a multicast group ({@code mcast}) or sends datagrams
     * ({@code udp}, from {@code localAddress:localPort}). A null address is every address.
     */
    public record Tunnel(String kind, String address, int port, String localAddress, int localPort) {
    }

    /**
     * A vhost-user NIC's socket: QEMU connects to {@code path} or, as {@code server}, listens there
     * (and waits for the backend before the guest runs); {@code reconnect} seconds after a lost
     * backend, -1 when not given.
     */
    public record VhostUser(Path path, boolean server, int reconnect) {
    }

    /** A pty {@code <serial>} with its port and optional {@code <log file= append=>}. */
    public record Serial(int port, Path logFile, boolean logAppend) {
    }

    /**
     * {@code <graphics type='vnc'>} or {@code type='spice'} with the port already allocated
     * (VNC: 5900 + display) and the address QEMU listens on (the domain's, else qemu.conf's).
     */
    /** A VNC or SPICE display on {@code listen}:{@code port}, or (VNC) on the UNIX socket {@code socket}. */
    /** The first display (VNC or SPICE), or null: what has one display only needs. */
    public Display display() {
        return displays.isEmpty() ? null : displays.get(0);
    }

    public record Display(String type, String listen, int port, Path socket) {
        public Display {
            if (socket == null) {
                Objects.requireNonNull(listen, "listen");
            }
        }

        public Display(String type, String listen, int port) {
            this(type, listen, port, null);
        }

        public static Display onSocket(String type, Path socket) {
            return new Display(type, null, -1, socket);
        }

        public boolean spice() {
            return "spice".equals(type);
        }
    }

    /**
     * What the guest's board adds beyond the clean subset (q35 guests of virt-manager, Nova's):
     * arguments already rendered for the SMBIOS tables (after the UUID), the controllers (before the disks), the character devices and inputs
     * (after the serials), the sound cards and redirected USB devices (after the video), the rng
     * (after the balloon); and the {@code "bus"}/{@code "addr"} of the devices named above by
     * their ids ({@code virtio-disk0}, {@code net0}, {@code video0}, {@code balloon0}).
     */
    public record Platform(List<String> controllers, List<String> chars, List<String> media, List<String> rngs,
                           Map<String, PciPlace> places, List<String> smbios) {
        public static final Platform NONE = new Platform(List.of(), List.of(), List.of(), List.of(), Map.of(),
                List.of());

        public Platform {
            smbios = List.copyOf(smbios);
            controllers = List.copyOf(controllers);
            chars = List.copyOf(chars);
            media = List.copyOf(media);
            rngs = List.copyOf(rngs);
            places = Map.copyOf(places);
        }
    }

    /**
     * What qemu.conf says about the process itself: its name ({@code set_process_name}),
     * timestamped messages ({@code log_timestamp}), and its process and open-file limits
     * ({@code max_processes}, {@code max_files}; 0 keeps the daemon's) and its seccomp sandbox
     * ({@code seccomp_sandbox}).
     */
    public record HostPolicy(boolean processName, boolean logTimestamp, long maxProcesses, long maxFiles,
                             boolean sandbox) {
        public static final HostPolicy DEFAULT = new HostPolicy(false, true, 0, 0);

        /** Without QEMU's seccomp sandbox. */
        public HostPolicy(boolean processName, boolean logTimestamp, long maxProcesses, long maxFiles) {
            this(processName, logTimestamp, maxProcesses, maxFiles, false);
        }
    }

    /** A device's PCI bus alias ({@code pcie.0}, {@code pci.3}) and {@code addr} ({@code 0x1b}, {@code 0x2.0x1}). */
    public record PciPlace(String bus, String addr, boolean multifunction) {
    }

    public QemuLaunchSpec {
        platform = platform == null ? Platform.NONE : platform;
        host = host == null ? HostPolicy.DEFAULT : host;
        Objects.requireNonNull(emulator, "emulator");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(accel, "accel");
        Objects.requireNonNull(monitorSocket, "monitorSocket");
        cpu = cpu == null ? Cpu.DEFAULT : cpu;
        clockOffset = clockOffset == null ? "utc" : clockOffset;
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
        serials = List.copyOf(serials);
        if (memoryKiB <= 0 || vcpus <= 0 || maxVcpus < vcpus) {
            throw new IllegalArgumentException("bad sizes for '" + name + "': memory " + memoryKiB + " KiB, vcpus "
                    + vcpus + "/" + maxVcpus);
        }
    }

    public static Builder builder(String name, UUID uuid) {
        return new Builder(name, uuid);
    }

    /** Fluent construction with libvirt's defaults: 1 vCPU, pc machine, TCG, qemu64, ACPI on, utc, balloon. */
    public static final class Builder {
        private final String name;
        private final UUID uuid;
        private Path emulator = Path.of("/usr/bin/qemu-system-x86_64");
        private long memoryKiB = 131072;
        private int vcpus = 1;
        private int maxVcpus = 1;
        private String machine = "pc";
        private Accel accel = Accel.TCG;
        private Cpu cpu = Cpu.DEFAULT;
        private boolean acpi = true;
        private String clockOffset = "utc";
        private Path kernel;
        private Path initrd;
        private String append;
        private final List<Disk> disks = new ArrayList<>();
        private final List<Nic> nics = new ArrayList<>();
        private final List<Serial> serials = new ArrayList<>();
        private final List<Display> displays = new ArrayList<>();
        private String video;
        private int videoVramKiB;
        private boolean balloon = true;
        private boolean panicIsa;
        private Path monitorSocket;
        private Platform platform = Platform.NONE;
        private HostPolicy host = HostPolicy.DEFAULT;
        private Firmware firmware;
        private MemoryPolicy memoryPolicy;

        private Builder(String name, UUID uuid) {
            this.name = name;
            this.uuid = uuid;
        }

        public Builder emulator(Path p) { emulator = p; return this; }
        public Builder memoryKiB(long kib) { memoryKiB = kib; return this; }
        public Builder vcpus(int current, int max) { vcpus = current; maxVcpus = max; return this; }
        public Builder machine(String m) { machine = m; return this; }
        public Builder accel(Accel a) { accel = a; return this; }
        public Builder cpu(Cpu c) { cpu = c; return this; }
        public Builder acpi(boolean on) { acpi = on; return this; }
        public Builder clockOffset(String offset) { clockOffset = offset; return this; }
        public Builder kernel(Path k, Path i, String cmdline) { kernel = k; initrd = i; append = cmdline; return this; }
        public Builder disk(Disk d) { disks.add(d); return this; }
        public Builder nic(Nic n) { nics.add(n); return this; }
        public Builder serial(Serial s) { serials.add(s); return this; }
        public Builder display(Display d) { displays.add(d); return this; }
        public Builder video(String model) { video = model; return this; }
        /** The primary video's {@code vram} (KiB, 0: unset): VGA and vmvga get it as their VGA memory. */
        public Builder videoVramKiB(int kib) { videoVramKiB = kib; return this; }
        public Builder balloon(boolean on) { balloon = on; return this; }
        public Builder panicIsa(boolean on) { panicIsa = on; return this; }
        public Builder monitorSocket(Path p) { monitorSocket = p; return this; }
        public Builder platform(Platform p) { platform = p; return this; }
        public Builder host(HostPolicy h) { host = h; return this; }
        public Builder firmware(Firmware f) { firmware = f; return this; }

        public QemuLaunchSpec build() {
            return new QemuLaunchSpec(emulator, name, uuid, memoryKiB, vcpus, maxVcpus, machine, accel, cpu, acpi,
                    clockOffset, kernel, initrd, append, disks, nics, serials, List.copyOf(displays), video, videoVramKiB, balloon, panicIsa,
                    monitorSocket, platform, host, firmware, memoryPolicy);
        }

        public Builder memoryPolicy(MemoryPolicy p) {
            this.memoryPolicy = p;
            return this;
        }
    }
}
