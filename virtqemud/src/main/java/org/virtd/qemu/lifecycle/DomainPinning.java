package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.CpuTune;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.process.ThreadAffinity;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.util.BitSet;
import java.util.Collection;
import java.util.Map;

/**
 * The live half of vcpupin and emulatorpin: the cpuset of the thread's group when the guest's
 * cgroup has per-thread groups, then the affinity of QEMU's vCPU threads, or of all its other
 * threads, set with {@code sched_setaffinity} (all a libvirtd without cgroups does), and the pin
 * recorded in the live definition and status file. The caller holds the domain's lock and has
 * checked the arguments.
 */
public final class DomainPinning {
    private final DomainLifecycle lifecycle;
    private final LiveGuests guests;

    public DomainPinning(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.guests = new LiveGuests(lifecycle);
    }

    public void pinVcpu(DomainObject dom, int vcpu, BitSet cpus) throws VirtException {
        RunningDomain rd = guests.active(dom, ErrorDomain.DOMAIN);
        Long tid = VcpuThreads.of(DomainControl.monitor(rd)).get(vcpu);
        if (tid == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "vcpu " + vcpu + " is out of range of live cpu count " + rd.live().vcpus().effectiveCurrent());
        }
        ThreadGroups.pin(rd, org.virtd.qemu.cgroup.ThreadCgroups.vcpu(vcpu), cpus);
        setAffinity(tid, cpus);
        record(rd, rd.live().cputune().withVcpuPin(vcpu, cpus));
    }

    public void pinEmulator(DomainObject dom, BitSet cpus) throws VirtException {
        RunningDomain rd = guests.active(dom, ErrorDomain.DOMAIN);
        Collection<Long> vcpus = VcpuThreads.of(DomainControl.monitor(rd)).values();
        ThreadGroups.pin(rd, org.virtd.qemu.cgroup.ThreadCgroups.EMULATOR, cpus);
        for (long tid : ThreadAffinity.threads(rd.process().pid())) {
            if (!vcpus.contains(tid)) {
                setAffinity(tid, cpus);
            }
        }
        record(rd, rd.live().cputune().withEmulatorPin(cpus));
    }

    /** The configured pins, applied to a run's threads before its vCPUs start. */
    static void applyAtStart(RunningDomain rd, CpuTune tune) throws VirtException {
        if (tune.isEmpty()) {
            return;
        }
        Map<Integer, Long> threads = VcpuThreads.of(DomainControl.monitor(rd));
        for (Map.Entry<Integer, BitSet> pin : tune.vcpupins().entrySet()) {
            Long tid = threads.get(pin.getKey());
            if (tid != null) {
                setAffinity(tid, pin.getValue());
            }
        }
        if (tune.emulatorpin() != null) {
            for (long tid : ThreadAffinity.threads(rd.process().pid())) {
                if (!threads.containsValue(tid)) {
                    setAffinity(tid, tune.emulatorpin());
                }
            }
        }
    }

    /** The vCPU threads of a run, by vCPU number. */
    public Map<Integer, Long> vcpuThreads(RunningDomain rd) throws VirtException {
        return VcpuThreads.of(DomainControl.monitor(rd));
    }

    private static void setAffinity(long tid, BitSet cpus) throws VirtException {
        try {
            ThreadAffinity.set(tid, cpus);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, e.getMessage());
        }
    }

    private void record(RunningDomain rd, CpuTune tune) {
        rd.live(rd.live().withCpuTune(tune));
        rd.domain().setActive(rd.id(), rd.live());
        lifecycle.writeStatus(rd);
    }
}
