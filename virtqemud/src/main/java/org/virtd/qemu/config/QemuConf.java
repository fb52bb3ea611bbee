package org.virtd.qemu.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The values of {@code qemu.conf} virtqemud acts on, with libvirt's defaults for what the file
 * leaves out. Immutable: a reload builds a new one, so a guest start reads one consistent set.
 *
 * @param source        the file read, for messages ({@code /etc/libvirt/qemu.conf})
 * @param user          who QEMU runs as (name or {@code +uid}) when the daemon is root
 * @param group         the group QEMU should run as
 * @param securityDrivers {@code security_driver}, in order; empty = libvirt's automatic choice
 * @param vncListen     the address a VNC display listens on when the domain names none
 * @param vncAutoUnixSocket VNC on a unix socket in the domain's directory instead of TCP
 * @param spiceListen   the address a SPICE display listens on when the domain names none
 * @param stdioHandler  {@code logd} or {@code file}: who writes QEMU's stdout and stderr
 * @param maxProcesses  RLIMIT_NPROC for QEMU; 0 leaves the daemon's limit
 * @param maxFiles      RLIMIT_NOFILE for QEMU; 0 leaves the daemon's limit
 * @param saveImageFormat how {@code save} and {@code managedsave} write the migration stream
 * @param dumpImageFormat how a full {@code dump} is written
 * @param autoDumpPath  where {@code on_crash='coredump-*'} dumps go
 * @param autoStartBypassCache autostart restores managed save images without the page cache
 * @param setProcessName QEMU's process name becomes {@code qemu:NAME}
 * @param logTimestamp  QEMU prefixes its messages with a timestamp ({@code -msg timestamp=on})
 * @param nvram         firmware and the NVRAM template that goes with it
 * @param confinement   how QEMU is confined: DAC ownership, seccomp sandbox, namespaces
 * @param cgroups       which cgroup controllers confine each guest and its device ACL
 */
public record QemuConf(String source, String user, String group, List<String> securityDrivers,
                       String vncListen, boolean vncAutoUnixSocket, String spiceListen, String stdioHandler,
                       long maxProcesses, long maxFiles, ImageFormat saveImageFormat, ImageFormat dumpImageFormat,
                       Path autoDumpPath, boolean autoStartBypassCache, boolean setProcessName, boolean logTimestamp,
                       List<Firmware> nvram, Confinement confinement, Cgroups cgroups) {

    public static final String LOOPBACK = "127.0.0.1";
    /** The account a system daemon runs QEMU as when qemu.conf names none (Debian's). */
    public static final String DEFAULT_USER = "libvirt-qemu";

    public QemuConf {
        securityDrivers = List.copyOf(securityDrivers);
        nvram = List.copyOf(nvram);
        confinement = confinement == null ? Confinement.DEFAULT : confinement;
        cgroups = cgroups == null ? Cgroups.DEFAULT : cgroups;
    }

    /**
     * {@code cgroup_controllers} (empty: guests get no cgroup at all), {@code cgroup_device_acl},
     * the device nodes every guest may open, and {@code max_threads_per_process}, the task limit
     * systemd puts on a guest's machine scope (0: none; without machined libvirt sets none either).
     */
    public record Cgroups(List<String> controllers, List<String> deviceAcl, long maxThreadsPerProcess) {
        /** The controller names qemu.conf accepts. */
        public static final List<String> KNOWN = List.of("cpu", "cpuacct", "cpuset", "memory", "devices",
                "freezer", "blkio", "net_cls", "perf_event", "name=systemd");
        /** libvirt's device ACL when qemu.conf names none. */
        public static final List<String> DEFAULT_ACL = List.of("/dev/null", "/dev/full", "/dev/zero", "/dev/random",
                "/dev/urandom", "/dev/ptmx", "/dev/kvm");
        /** Unset: every controller the host has mounted. */
        public static final Cgroups DEFAULT = new Cgroups(KNOWN, DEFAULT_ACL);

        public Cgroups {
            controllers = List.copyOf(controllers);
            deviceAcl = List.copyOf(deviceAcl);
        }

        /** Without a task limit ({@code max_threads_per_process} 0). */
        public Cgroups(List<String> controllers, List<String> deviceAcl) {
            this(controllers, deviceAcl, 0);
        }
    }

    /**
     * qemu.conf's confinement keys.
     *
     * @param dynamicOwnership chown the files a guest uses to {@code user}:{@code group} while it runs
     * @param rememberOwner    keep the owner a file had, to give it back when the guest stops
     * @param seccompSandbox   -1 libvirt's default (on where QEMU has it), 0 off, 1 on
     * @param namespaces       {@code mount}: QEMU gets a private {@code /dev}
     */
    public record Confinement(boolean dynamicOwnership, boolean rememberOwner, int seccompSandbox,
                              List<String> namespaces) {
        public static final Confinement DEFAULT = new Confinement(true, true, -1, List.of("mount"));

        public Confinement {
            namespaces = List.copyOf(namespaces);
        }
    }

    /** A firmware image and the template its per-guest variable store is copied from. */
    public record Firmware(Path loader, Path nvramTemplate) {
    }

    /** What a host without a qemu.conf gets; {@code stateDir} is the driver's {@code /var/lib/libvirt}. */
    public static QemuConf defaults(String source, Path stateDir) {
        return new QemuConf(source, DEFAULT_USER, DEFAULT_USER, List.of(), LOOPBACK, false, LOOPBACK, "logd", 0, 0,
                ImageFormat.RAW, ImageFormat.RAW, stateDir.resolve("qemu/dump"), false, false, true, List.of(),
                Confinement.DEFAULT, Cgroups.DEFAULT);
    }
}
