package org.virtd.qemu.driver;

import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.cgroup.CgroupTuning;
import org.virtd.qemu.cgroup.DomainCgroup;
import org.virtd.qemu.cgroup.ThreadCgroups;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.CgroupRuns;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the tuning handlers share: the running guest's cgroup (with libvirt's "controller is not
 * mounted" when it has none or lacks the controller), its live definition and where a changed
 * one goes, and the session-mode refusals.
 */
final class LiveCgroups {
    private final Supplier<DomainProcesses> processes;
    private final BooleanSupplier privileged;

    LiveCgroups(Supplier<DomainProcesses> processes, BooleanSupplier privileged) {
        this.processes = processes;
        this.privileged = privileged;
    }

    boolean privileged() {
        return privileged.getAsBoolean();
    }

    /** OPERATION_INVALID {@code message} in session mode, as libvirt refuses CPU and block I/O tuning there. */
    void requirePrivileged(String message) throws VirtException {
        if (!privileged()) {
            throw invalid(message);
        }
    }

    /** The running guest's cgroup with {@code controller}, else OPERATION_INVALID {@code missing}. */
    CgroupTuning tuning(DomainObject dom, String controller, String missing) throws VirtException {
        return new CgroupTuning(cgroup(dom, controller, missing));
    }

    /** The per-thread groups of the running guest's cgroup with {@code controller}, checked as {@link #tuning}. */
    ThreadCgroups threads(DomainObject dom, String controller, String missing) throws VirtException {
        return new ThreadCgroups(cgroup(dom, controller, missing));
    }

    /** The running guest's cgroup itself, on the same terms as {@link #tuning}. */
    DomainCgroup cgroup(DomainObject dom, String controller, String missing) throws VirtException {
        DomainCgroup cg = CgroupRuns.of(run(dom));
        if (cg == null || !cg.has(controller)) {
            throw invalid(missing);
        }
        return cg;
    }

    DomainDef liveDef(DomainObject dom) throws VirtException {
        return processes().guests().active(dom, ErrorDomain.DOMAIN).live();
    }

    void replaceLive(DomainObject dom, DomainDef def) throws VirtException {
        processes().lifecycle().replaceLive(dom, def);
    }

    private RunningDomain run(DomainObject dom) throws VirtException {
        DomainProcesses p = processes.get();
        return p == null ? null : p.guests().runningOrNull(dom);
    }

    private DomainProcesses processes() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p;
    }

    static VirtException invalid(String message) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, message);
    }

    static VirtException invalidArg(String message) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, message);
    }
}
