package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.blockjob.DomainBackups;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.CgroupRuns;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.ControlInfo;
import org.virtd.rpc.remote.types.JobInfo;
import org.virtd.rpc.remote.types.JobStats;

import java.util.List;
import java.util.function.Supplier;

/**
 * Background jobs, the monitor's control state and CPU accounting (virsh domjobinfo,
 * domjobabort, domcontrol, cpu-stats). No call of this driver runs as a background job (no
 * migration, save or dump jobs), so a running domain has no job (type NONE), nothing to abort
 * and an idle monitor; CPU accounting comes from the guest's cgroup ({@link DomainCpuStats}).
 */
final class DomainJobHandlers {
    static final int JOB_NONE = 0;
    static final int JOB_STATS_COMPLETED = 1;
    static final int JOB_STATS_KEEP_COMPLETED = 2;
    static final int ABORT_JOB_POSTCOPY = 1;

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;
    private final Supplier<DomainBackups> backups;

    DomainJobHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes, Supplier<DomainBackups> backups) {
        this.lookup = lookup;
        this.processes = processes;
        this.backups = backups;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_JOB_INFO, (c, d) -> {
            DomainObject dom = lookup.resolve(d);
            requireActive(dom);
            JobStats running = backup(dom, false, false);
            return running == null ? new JobInfo(JOB_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                    : new JobInfo(running.type(), param(running, "time_elapsed"), 0, 0, 0, 0, 0, 0, 0,
                            param(running, "disk_total"), param(running, "disk_processed"),
                            param(running, "disk_remaining"));
        });
        t.on(RemoteProgram.DOMAIN_GET_JOB_STATS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), JOB_STATS_COMPLETED | JOB_STATS_KEEP_COMPLETED,
                    "qemuDomainGetJobStats");
            DomainObject dom = lookup.resolve(a.domain());
            boolean completed = (a.flags() & JOB_STATS_COMPLETED) != 0;
            if (!completed) {
                requireActive(dom);
            }
            JobStats stats = backup(dom, completed, (a.flags() & JOB_STATS_KEEP_COMPLETED) != 0);
            return stats == null ? new JobStats(JOB_NONE, List.of()) : stats;
        });
        t.on(RemoteProgram.DOMAIN_ABORT_JOB, (c, d) -> {
            abortJob(lookup.resolve(d));
            return null;
        });
        t.on(RemoteProgram.DOMAIN_ABORT_JOB_FLAGS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), ABORT_JOB_POSTCOPY, "qemuDomainAbortJobFlags");
            abortJob(lookup.resolve(a.domain()));
            return null;
        });
        t.on(RemoteProgram.DOMAIN_GET_CONTROL_INFO, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainGetControlInfo");
            requireActive(lookup.resolve(a.domain()));
            return new ControlInfo(0, 0, 0);
        });
        t.on(RemoteProgram.DOMAIN_GET_CPU_STATS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), DomainStatsHandlers.TYPED_PARAM_STRING_OKAY, "qemuDomainGetCPUStats");
            RunningDomain rd = requireActive(lookup.resolve(a.domain()));
            return DomainCpuStats.of(CgroupRuns.of(rd), a.nparams(), a.startCpu(), a.ncpus());
        });
    }

    private JobStats backup(DomainObject dom, boolean completed, boolean keep) throws VirtException {
        DomainBackups b = backups.get();
        return b == null ? null : b.stats(dom, completed, keep);
    }

    private static long param(JobStats stats, String field) {
        return stats.params().stream().filter(p -> p.field().equals(field)).mapToLong(p -> ((Number) p.value()).longValue())
                .findFirst().orElse(0);
    }

    private void abortJob(DomainObject dom) throws VirtException {
        requireActive(dom);
        DomainBackups b = backups.get();
        if (b != null && b.abort(dom)) {
            return;
        }
        throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "no job is active on the domain");
    }

    private RunningDomain requireActive(DomainObject dom) throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p.guests().active(dom, ErrorDomain.DOMAIN);
    }
}
