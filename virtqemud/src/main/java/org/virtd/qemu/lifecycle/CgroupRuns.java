package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.cgroup.CgroupTuning;
import org.virtd.qemu.cgroup.DomainCgroup;
import org.virtd.qemu.cgroup.GuestCgroups;
import org.virtd.qemu.process.QemuProcess;
import org.virtd.rpc.error.VirtException;

import java.util.List;

/**
 * Ties each run to its cgroup: made before QEMU is launched (the returned command prefix joins
 * it), found again from the QEMU of a run re-attached after a restart, and removed after QEMU has
 * exited. Without {@link GuestCgroups} (a session daemon) runs have no cgroup.
 */
public final class CgroupRuns {
    private final GuestCgroups cgroups;

    public CgroupRuns(GuestCgroups cgroups) {
        this.cgroups = cgroups;
    }

    /** What a run keeps: its cgroup, null when it has none. */
    static final class Slot {
        volatile DomainCgroup cgroup;
    }

    /** Whether guests started now get a cgroup. */
    public boolean enabled() {
        return cgroups != null && !cgroups.controllers().isEmpty();
    }

    /** The cgroup of a run; null when it has none. */
    public static DomainCgroup of(RunningDomain rd) {
        return rd == null ? null : rd.attachment(Slot.class, Slot::new).cgroup;
    }

    /**
     * Creates and tunes {@code rd}'s cgroup; the command prefix that joins it (empty: none).
     * Bandwidth tuning without the CPU controller fails the start (the caller then releases).
     */
    List<String> create(RunningDomain rd, DomainDef def) throws VirtException {
        if (cgroups != null && cgroups.viaMachined()) {
            return List.of(); // made once QEMU runs: see placeLaunched
        }
        DomainCgroup cg = cgroups == null ? null : cgroups.create(rd.id(), def);
        rd.attachment(Slot.class, Slot::new).cgroup = cg;
        CgroupTuning.requireCpuForBandwidth(cg, def.cputune());
        return cg == null ? List.of() : cg.joinCommand();
    }

    /**
     * With systemd-machined, registers the freshly launched QEMU {@code pid} as a machine and
     * moves it into its tuned cgroup in the machine's scope; nothing otherwise.
     */
    void placeLaunched(RunningDomain rd, DomainDef def, long pid) throws VirtException {
        if (cgroups == null || !cgroups.viaMachined()) {
            return;
        }
        DomainCgroup cg = cgroups.register(rd.id(), def, pid);
        rd.attachment(Slot.class, Slot::new).cgroup = cg;
        CgroupTuning.requireCpuForBandwidth(cg, def.cputune());
    }

    /** Finds the cgroup of a re-attached run from its QEMU. */
    void adopt(RunningDomain rd, long pid) {
        if (cgroups != null) {
            rd.attachment(Slot.class, Slot::new).cgroup = cgroups.find(pid);
        }
    }

    /** Lets {@code rd}'s QEMU open the device node {@code path} (nothing for a plain file or without a cgroup). */
    void allowDevice(RunningDomain rd, String path, boolean readOnly) throws VirtException {
        DomainCgroup cg = of(rd);
        if (cg != null) {
            cgroups.allowDevice(cg, path, readOnly);
        }
    }

    /** Takes the device node {@code path} away from {@code rd}'s QEMU. */
    void denyDevice(RunningDomain rd, String path) throws VirtException {
        DomainCgroup cg = of(rd);
        if (cg != null) {
            cgroups.denyDevice(cg, path);
        }
    }

    /** Removes the run's cgroup once {@code p} (null: already gone) has exited. */
    void release(RunningDomain rd, QemuProcess p) {
        DomainCgroup cg = of(rd);
        if (cg == null) {
            return;
        }
        rd.attachment(Slot.class, Slot::new).cgroup = null;
        if (p == null || !p.isAlive()) {
            cgroups.remove(cg);
        } else {
            p.onExit().thenRunAsync(() -> cgroups.remove(cg));
        }
    }

    /** Removes what a run whose QEMU died while no daemon watched left behind. */
    void releaseGone(int id, String name) {
        if (cgroups != null) {
            cgroups.removeGone(id, name);
        }
    }
}
