package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.CpuTune;
import org.virtd.qemu.cgroup.DomainCgroup;
import org.virtd.qemu.cgroup.ThreadCgroups;
import org.virtd.qemu.process.ThreadAffinity;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a running guest's threads go inside its cgroup, as qemuProcessSetupVcpu, -Emulator and
 * -IOThread put them: each vCPU thread (query-cpus-fast) in {@code vcpuN}, each I/O thread
 * (query-iothreads) in {@code iothreadN}, every other thread of QEMU in {@code emulator}, each
 * group with the {@code <cputune>} bandwidth and pin of its kind. A run without a cgroup, or
 * without the CPU controllers, has none.
 */
final class ThreadGroups {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadGroups.class);
    /** How long a removed vCPU's thread may take to leave its group. */
    private static final long UNPLUGGED_WAIT_MS = 2000;
    /** Passes over QEMU's threads: one more catches a thread started while the first ran. */
    private static final int EMULATOR_PASSES = 2;

    private ThreadGroups() {
    }

    private static ThreadCgroups of(RunningDomain rd) {
        DomainCgroup cg = CgroupRuns.of(rd);
        if (cg == null) {
            return null;
        }
        ThreadCgroups groups = new ThreadCgroups(cg);
        return groups.enabled() ? groups : null;
    }

    /** Places a new run's threads; before its vCPUs first run and before their affinity is set. */
    static void atStart(RunningDomain rd, CpuTune tune) throws VirtException {
        ThreadCgroups groups = of(rd);
        if (groups == null) {
            return;
        }
        Map<Integer, Long> vcpus = VcpuThreads.of(DomainControl.monitor(rd));
        Map<Integer, Long> iothreads = ioThreads(rd);
        Set<Long> own = new HashSet<>(vcpus.values());
        own.addAll(iothreads.values());
        for (int pass = 0; pass < EMULATOR_PASSES; pass++) {
            List<Long> rest = new ArrayList<>(ThreadAffinity.threads(rd.process().pid()));
            rest.removeAll(own);
            groups.place(ThreadCgroups.EMULATOR, tune.emulatorpin(), tune.bandwidth("emulator_period"),
                    tune.bandwidth("emulator_quota"), rest);
        }
        for (Map.Entry<Integer, Long> v : vcpus.entrySet()) {
            placeVcpu(groups, tune, v.getKey(), v.getValue());
        }
        for (Map.Entry<Integer, Long> io : iothreads.entrySet()) {
            groups.place(ThreadCgroups.iothread(io.getKey()), null, tune.bandwidth("iothread_period"),
                    tune.bandwidth("iothread_quota"), List.of(io.getValue()));
        }
    }

    private static void placeVcpu(ThreadCgroups groups, CpuTune tune, int vcpu, long tid) throws VirtException {
        groups.place(ThreadCgroups.vcpu(vcpu), tune.vcpupins().get(vcpu), tune.bandwidth("period"),
                tune.bandwidth("quota"), List.of(tid));
    }

    /**
     * After {@code setvcpus --live}: a plugged vCPU's thread gets its group (with the live
     * bandwidth and pin), an unplugged one's group goes.
     */
    static void vcpusChanged(RunningDomain rd, Set<Integer> plugged, Set<Integer> unplugged) throws VirtException {
        ThreadCgroups groups = of(rd);
        if (groups == null) {
            return;
        }
        for (int vcpu : unplugged) {
            if (!groups.remove(ThreadCgroups.vcpu(vcpu), UNPLUGGED_WAIT_MS)) {
                LOG.warn("the cgroup of unplugged vCPU {} of '{}' could not be removed", vcpu, rd.domain().name());
            }
        }
        if (plugged.isEmpty()) {
            return;
        }
        Map<Integer, Long> threads = VcpuThreads.of(DomainControl.monitor(rd));
        CpuTune tune = rd.live().cputune();
        for (int vcpu : plugged) {
            Long tid = threads.get(vcpu);
            if (tid != null) {
                placeVcpu(groups, tune, vcpu, tid);
            }
        }
    }

    /** Live vcpupin/emulatorpin on the group's cpuset, before the threads' affinity is set. */
    static void pin(RunningDomain rd, String group, BitSet cpus) throws VirtException {
        ThreadCgroups groups = of(rd);
        if (groups != null) {
            groups.pin(group, cpus);
        }
    }

    /** QEMU's I/O threads by number ({@code iothreadN} ids), none when it has or knows none. */
    private static Map<Integer, Long> ioThreads(RunningDomain rd) {
        Map<Integer, Long> out = new TreeMap<>();
        try {
            JsonArray all = (JsonArray) DomainControl.monitor(rd).execute("query-iothreads", null);
            for (JsonObject t : all.objects()) {
                String id = t.string("id", "");
                if (id.matches(ThreadCgroups.IOTHREAD + "[0-9]+")) {
                    out.put(Integer.parseInt(id.substring(ThreadCgroups.IOTHREAD.length())), t.number("thread-id", 0));
                }
            }
        } catch (VirtException | ClassCastException e) {
            LOG.debug("no I/O threads of '{}': {}", rd.domain().name(), e.getMessage());
        }
        return out;
    }
}
