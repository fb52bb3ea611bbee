package org.virtd.qemu.driver;

import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.DomainNParamsFlagsArgs;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The tuning queries {@code virsh schedinfo}, {@code memtune}, {@code blkiotune} and
 * {@code numatune} make. Definitions here carry no {@code <cputune>}, {@code <memtune>},
 * {@code <blkiotune>} or {@code <numatune>} values, so the persistent answers are libvirt's
 * defaults; the live ones come from cgroup controllers, which this daemon does not use (yet), so
 * a running domain gets the error libvirtd gives on a host without those controllers.
 */
final class TuningQueryHandlers {
    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;
    /** VIR_TYPED_PARAM_STRING_OKAY: the client takes string parameters. */
    private static final int STRING_OKAY = 4;
    /** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED. */
    private static final long UNLIMITED = 9007199254740991L;

    private static final List<TypedParam> SCHEDULER = List.of(
            TypedParam.ofULLong("cpu_shares", 0), TypedParam.ofULLong("vcpu_period", 0),
            TypedParam.ofLLong("vcpu_quota", 0), TypedParam.ofULLong("emulator_period", 0),
            TypedParam.ofLLong("emulator_quota", 0), TypedParam.ofULLong("global_period", 0),
            TypedParam.ofLLong("global_quota", 0), TypedParam.ofULLong("iothread_period", 0),
            TypedParam.ofLLong("iothread_quota", 0));
    private static final List<TypedParam> MEMORY = List.of(
            TypedParam.ofULLong("hard_limit", UNLIMITED), TypedParam.ofULLong("soft_limit", UNLIMITED),
            TypedParam.ofULLong("swap_hard_limit", UNLIMITED));
    private static final List<TypedParam> BLKIO = List.of(
            TypedParam.ofUInt("weight", 0), TypedParam.ofString("device_weight", ""),
            TypedParam.ofString("device_read_iops_sec", ""), TypedParam.ofString("device_write_iops_sec", ""),
            TypedParam.ofString("device_read_bytes_sec", ""), TypedParam.ofString("device_write_bytes_sec", ""));
    /** numa_mode 0 is "strict". */
    private static final List<TypedParam> NUMA = List.of(
            TypedParam.ofInt("numa_mode", 0), TypedParam.ofString("numa_nodeset", ""));

    private final DomainLookup lookup;
    private final BooleanSupplier privileged;

    TuningQueryHandlers(DomainLookup lookup, BooleanSupplier privileged) {
        this.lookup = lookup;
        this.privileged = privileged;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_SCHEDULER_PARAMETERS,
                (c, a) -> scheduler(lookup.resolve(a.domain()), a.value(), 0));
        t.on(RemoteProgram.DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
                (c, a) -> scheduler(lookup.resolve(a.domain()), a.nparams(), a.flags()));
        t.on(RemoteProgram.DOMAIN_GET_MEMORY_PARAMETERS, (c, a) -> memory(a));
        t.on(RemoteProgram.DOMAIN_GET_BLKIO_PARAMETERS, (c, a) -> blkio(a));
        t.on(RemoteProgram.DOMAIN_GET_NUMA_PARAMETERS, (c, a) -> numa(a));
    }

    private List<TypedParam> scheduler(DomainObject dom, int nparams, int flags) throws VirtException {
        DomainLookup.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "qemuDomainGetSchedulerParametersFlags");
        if (!privileged.getAsBoolean()) {
            throw invalid("CPU tuning is not available in session mode");
        }
        if (ModificationImpact.of(dom, flags & ~STRING_OKAY).live()) {
            throw invalid("cgroup CPU controller is not mounted");
        }
        return SCHEDULER.subList(0, Math.max(0, Math.min(nparams, SCHEDULER.size())));
    }

    private CountedParams memory(DomainNParamsFlagsArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG | STRING_OKAY, "qemuDomainGetMemoryParameters");
        DomainObject dom = lookup.resolve(a.domain());
        boolean live = ModificationImpact.of(dom, a.flags() & ~STRING_OKAY).live();
        if (a.nparams() != 0 && live) {
            throw invalid("cgroup memory controller is not mounted");
        }
        return counted(MEMORY, a.nparams());
    }

    private CountedParams blkio(DomainNParamsFlagsArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG | STRING_OKAY, "qemuDomainGetBlkioParameters");
        DomainObject dom = lookup.resolve(a.domain());
        if (!privileged.getAsBoolean()) {
            throw invalid("Block I/O tuning is not available in session mode");
        }
        boolean live = ModificationImpact.of(dom, a.flags() & ~STRING_OKAY).live();
        if (a.nparams() == 0) {
            return new CountedParams(List.of(), BLKIO.size());
        }
        if (live) {
            throw invalid("blkio cgroup isn't mounted");
        }
        return counted(BLKIO, a.nparams());
    }

    private CountedParams numa(DomainNParamsFlagsArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG | STRING_OKAY, "qemuDomainGetNumaParameters");
        DomainObject dom = lookup.resolve(a.domain());
        ModificationImpact.of(dom, a.flags() & ~STRING_OKAY);
        return counted(NUMA, a.nparams());
    }

    /** The two-pass answer: the count when asked with 0, else the first {@code nparams} values. */
    private static CountedParams counted(List<TypedParam> all, int nparams) {
        if (nparams == 0) {
            return new CountedParams(List.of(), all.size());
        }
        List<TypedParam> some = all.subList(0, Math.min(nparams, all.size()));
        return new CountedParams(some, some.size());
    }

    private static VirtException invalid(String message) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, message);
    }
}
