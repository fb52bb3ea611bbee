package org.virtd.qemu.cgroup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.Devices;
import org.virtd.qemu.config.QemuConf;
import org.virtd.qemu.hostnet.HostNics;
import org.virtd.qemu.machined.Machined;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The driver's side of guest cgroups: which controllers {@code cgroup_controllers} leaves on this
 * host, a new guest's cgroup created and tuned before QEMU starts, the cgroup of a QEMU found
 * again after a restart, and removal once QEMU is gone. Guests get no cgroup when no controller
 * is left (qemu.conf's {@code cgroup_controllers = [ ]}, or a host without cgroups).
 */
public final class GuestCgroups {
    private static final Logger LOG = LoggerFactory.getLogger(GuestCgroups.class);
    /** How long removal waits for an exiting QEMU to leave its cgroup. */
    private static final long REMOVE_WAIT_MILLIS = 5000;

    private final Path cgroupRoot;
    /**
     * What the host has, found at the first question rather than at daemon start-up: probing
     * for device programs loads native code a daemon without guests never needs.
     */
    private volatile CgroupHost host;
    private final Path procRoot;
    private final Supplier<QemuConf> conf;
    private final DeviceFilters filters;
    /** systemd-machined's placement; null where guests always go into the /machine partition. */
    private final MachineScopes machines;

    /** @param cgroupRoot {@code /sys/fs/cgroup}; @param procRoot {@code /proc} */
    public GuestCgroups(Path cgroupRoot, Path procRoot, Supplier<QemuConf> conf) {
        this(cgroupRoot, procRoot, conf, new KernelDeviceFilters());
    }

    /** @param filters the device filters of a v2 host */
    public GuestCgroups(Path cgroupRoot, Path procRoot, Supplier<QemuConf> conf, DeviceFilters filters) {
        this(cgroupRoot, procRoot, conf, filters, null);
    }

    private GuestCgroups(Path cgroupRoot, Path procRoot, Supplier<QemuConf> conf, DeviceFilters filters,
                         MachineScopes machines) {
        this.cgroupRoot = cgroupRoot;
        this.procRoot = procRoot;
        this.conf = conf;
        this.filters = filters;
        this.machines = machines;
    }

    /** The host's cgroups, through systemd-machined when the system bus has it. */
    public static GuestCgroups system(Supplier<QemuConf> conf) {
        Path proc = Path.of("/proc");
        return new GuestCgroups(Path.of("/sys/fs/cgroup"), proc, conf, new KernelDeviceFilters(),
                new MachineScopes(Machined.system(), proc, Path.of("/sys/class/net")));
    }

    /**
     * Whether new guests are placed through systemd-machined: then a guest's cgroup is made once
     * its QEMU runs ({@link #register}) instead of before ({@link #create}).
     */
    public boolean viaMachined() {
        return machines != null && !controllers().isEmpty() && machines.available();
    }

    private CgroupHost host() {
        CgroupHost h = host;
        if (h == null) {
            h = CgroupHost.detect(cgroupRoot, filters::available);
            host = h;
        }
        return h;
    }

    /** The controllers guests use: qemu.conf's list as far as this host has them. */
    public List<String> controllers() {
        List<String> out = new ArrayList<>();
        for (String c : CgroupHost.CONTROLLERS) {
            if (host().has(c) && conf.get().cgroups().controllers().contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Creates guest {@code id}'s cgroup with its device ACL and the tuning of {@code def};
     * null when guests get none. A failure leaves nothing behind.
     */
    public DomainCgroup create(int id, DomainDef def) throws VirtException {
        List<String> controllers = controllers();
        if (controllers.isEmpty()) {
            return null;
        }
        DomainCgroup cg = new DomainCgroup(host(), CgroupPlacement.path(id, def.name()), controllers);
        cg.remove(0);
        setUp(cg, def);
        return cg;
    }

    /**
     * Registers guest {@code id}'s running QEMU ({@code pid}) with systemd-machined, then makes,
     * tunes and moves QEMU into the guest's cgroup inside the machine's scope. On failure the
     * machine is terminated again.
     */
    public DomainCgroup register(int id, DomainDef def, long pid) throws VirtException {
        String path = machines.register(id, def, pid, conf.get().cgroups().maxThreadsPerProcess());
        DomainCgroup cg = new DomainCgroup(host(), path, controllers());
        try {
            setUp(cg, def);
            for (Path dir : cg.dirs()) {
                Files.writeString(dir.resolve("cgroup.procs"), Long.toString(pid));
            }
            return cg;
        } catch (IOException e) {
            remove(cg);
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to add process "
                    + pid + " to the cgroup of " + def.name() + ": " + e.getMessage(), e);
        } catch (VirtException | RuntimeException e) {
            remove(cg);
            throw e;
        }
    }

    /** Makes {@code cg} with the device ACL and the tuning of {@code def}; a failure leaves nothing behind. */
    private void setUp(DomainCgroup cg, DomainDef def) throws VirtException {
        try {
            cg.create();
            DeviceAcl.apply(cg, filters, acl(def), disks(def));
            CgroupTuning tuning = new CgroupTuning(cg);
            if (cg.has("memory") && !def.tuning().memory().isEmpty()) {
                tuning.setMemory(def.tuning().memory());
            }
            if (cg.has("cpu")) {
                tuning.setCpu(def.cputune());
            }
            if (!def.tuning().blkio().isEmpty()) {
                tuning.setBlkio(def.tuning().blkio());
            }
            if (cg.has("cpuset")) {
                new CpusetMems(cg).setup(def.tuning().numa());
            }
        } catch (IOException e) {
            cg.remove(0);
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to create cgroup for "
                    + def.name() + ": " + e.getMessage(), e);
        } catch (VirtException | RuntimeException e) {
            cg.remove(0);
            throw e;
        }
    }

    /** The cgroup a running QEMU ({@code pid}) was placed in by an earlier daemon; null if none. */
    public DomainCgroup find(long pid) {
        List<String> controllers = controllers();
        if (controllers.isEmpty()) {
            return null;
        }
        String path = CgroupPlacement.ofProcess(procRoot, pid);
        if (path == null) {
            path = MachineScopes.ofProcess(procRoot, pid);
        }
        return path == null ? null : new DomainCgroup(host(), path, controllers);
    }

    /** The guest cgroup at {@code path} (relative, as {@link CgroupPlacement#path} gives it). */
    public DomainCgroup at(String path) {
        return new DomainCgroup(host(), path, controllers());
    }

    /**
     * Lets a running guest use the device node {@code path} (a hot-plugged block disk, the tap
     * device of a hot-plugged NIC), read only or read-write; nothing for other files.
     */
    public void allowDevice(DomainCgroup cg, String path, boolean readOnly) throws VirtException {
        changeDevices(() -> DeviceAcl.allow(cg, filters, path, readOnly ? "r" : "rw"));
    }

    /** Takes the device node {@code path} away from a running guest (an unplugged disk). */
    public void denyDevice(DomainCgroup cg, String path) throws VirtException {
        changeDevices(() -> DeviceAcl.deny(cg, filters, path));
    }

    private interface DeviceChange {
        void run() throws IOException;
    }

    private static void changeDevices(DeviceChange change) throws VirtException {
        try {
            change.run();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, e.getMessage(), e);
        }
    }

    /**
     * Removes a stopped guest's cgroup; false when a directory could not be removed in time. A v2
     * guest's device program goes with its directory: the kernel drops what is attached to a
     * cgroup it destroys, and nothing of it is held open here between calls.
     */
    public boolean remove(DomainCgroup cg) {
        if (cg == null) {
            return true;
        }
        String machine = MachineScopes.machineOf(cg.path());
        if (machine != null && machines != null) {
            terminate(machine);
        }
        return cg.remove(REMOVE_WAIT_MILLIS);
    }

    /**
     * Cleans up after guest {@code id} whose QEMU died while no daemon watched: through machined,
     * its machine is terminated (systemd then removes the emptied scope with libvirt's group in
     * it; one machined already dropped is no error); otherwise its group in the partition goes.
     */
    public void removeGone(int id, String name) {
        if (viaMachined()) {
            terminate(CgroupPlacement.machineName(id, name));
        } else if (!controllers().isEmpty()) {
            remove(at(CgroupPlacement.path(id, name)));
        }
    }

    private void terminate(String machine) {
        try {
            machines.terminate(machine);
        } catch (VirtException e) {
            // as with libvirt, a machine that will not terminate does not keep the guest running
            LOG.warn("Failed to terminate machine {}: {}", machine, e.getMessage());
        }
    }

    /**
     * qemu.conf's list, plus the tap and vhost nodes for guests with host NICs: QEMU opens its tap
     * by name here, where libvirt would hand it an already opened descriptor.
     */
    private List<String> acl(DomainDef def) {
        List<String> acl = new ArrayList<>(conf.get().cgroups().deviceAcl());
        boolean taps = def.devices() != null
                && def.devices().interfaces().stream().anyMatch(HostNics::tapType);
        if (taps) {
            acl.add("/dev/net/tun");
            acl.add("/dev/vhost-net");
        }
        return acl;
    }

    private static List<DeviceAcl.Disk> disks(DomainDef def) {
        List<DeviceAcl.Disk> out = new ArrayList<>();
        if (def.devices() != null) {
            for (Devices.DiskDef d : def.devices().disks()) {
                if ("block".equals(d.type())) {
                    out.add(new DeviceAcl.Disk(d.source(), d.readonly()));
                }
            }
        }
        return out;
    }
}
