package org.virtd.qemu.driver;

import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.DomainNParamsFlagsArgs;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.List;

/**
 * The query {@code virsh numatune} makes. Definitions here carry no {@code <numatune>} values,
 * so the answers are libvirt's defaults ({@code schedinfo}, {@code memtune} and
 * {@code blkiotune} have handlers of their own).
 */
final class TuningQueryHandlers {
    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;
    /** VIR_TYPED_PARAM_STRING_OKAY: the client takes string parameters. */
    private static final int STRING_OKAY = 4;

    /** numa_mode 0 is "strict". */
    private static final List<TypedParam> NUMA = List.of(
            TypedParam.ofInt("numa_mode", 0), TypedParam.ofString("numa_nodeset", ""));

    private final DomainLookup lookup;

    TuningQueryHandlers(DomainLookup lookup) {
        this.lookup = lookup;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_NUMA_PARAMETERS, (c, a) -> numa(a));
    }

    private CountedParams numa(DomainNParamsFlagsArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG | STRING_OKAY, "qemuDomainGetNumaParameters");
        DomainObject dom = lookup.resolve(a.domain());
        ModificationImpact.of(dom, a.flags() & ~STRING_OKAY);
        return counted(NUMA, a.nparams());
    }

    /** The two-pass answer: the count when asked with 0, else the first {@code nparams} values. */
    static CountedParams counted(List<TypedParam> all, int nparams) {
        if (nparams == 0) {
            return new CountedParams(List.of(), all.size());
        }
        List<TypedParam> some = all.subList(0, Math.min(nparams, all.size()));
        return new CountedParams(some, some.size());
    }
}
