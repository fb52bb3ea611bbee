package org.virtd.qemu.driver;

import org.virtd.conf.domain.CpuSet;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.Numatune;
import org.virtd.conf.domain.Numatune.Mode;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.cgroup.CpusetMems;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.NumaMemory;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.DomainNParamsFlagsArgs;
import org.virtd.rpc.remote.types.DomainParamsFlagsArgs;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code virsh numatune} (qemuDomainGetNumaParameters / qemuDomainSetNumaParameters): numa_mode
 * and numa_nodeset of {@code <numatune>}. A running guest keeps its mode; its nodes move only in
 * restrictive mode (QEMU was given strict, preferred and interleave nodes on its command line),
 * through the cpuset cgroup. The persistent definition takes any valid change.
 */
final class NumaTuneHandlers {
    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;
    private static final int STRING_OKAY = 4;
    private static final String MODE = "numa_mode";
    private static final String NODESET = "numa_nodeset";
    private static final Map<String, TypedParam.Type> RULES = Map.of(MODE, TypedParam.Type.INT,
            NODESET, TypedParam.Type.STRING);

    private final DomainLookup lookup;
    private final LiveCgroups cgroups;

    NumaTuneHandlers(DomainLookup lookup, LiveCgroups cgroups) {
        this.lookup = lookup;
        this.cgroups = cgroups;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_NUMA_PARAMETERS, (c, a) -> get(a));
        t.on(RemoteProgram.DOMAIN_SET_NUMA_PARAMETERS, (c, a) -> {
            set(a);
            return null;
        });
    }

    private CountedParams get(DomainNParamsFlagsArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG | STRING_OKAY, "qemuDomainGetNumaParameters");
        DomainObject dom = lookup.resolve(a.domain());
        boolean live = ModificationImpact.of(dom, a.flags() & ~STRING_OKAY).live();
        if (a.nparams() == 0) {
            return new CountedParams(List.of(), 2);
        }
        Numatune n = (live ? cgroups.liveDef(dom) : dom.def()).tuning().numa();
        return TuningQueryHandlers.counted(List.of(TypedParam.ofInt(MODE, n.mode().ordinal()),
                TypedParam.ofString(NODESET, n.nodesetText())), a.nparams());
    }

    private void set(DomainParamsFlagsArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainSetNumaParameters");
        TypedParamRules.check(a.params(), RULES);
        Mode mode = null;
        BitSet nodeset = null;
        for (TypedParam p : a.params()) {
            if (p.field().equals(MODE)) {
                mode = Mode.of((int) p.longValue());
                if (mode == null) {
                    throw LiveCgroups.invalidArg("unsupported numatune mode: '" + (int) p.longValue() + "'");
                }
            } else {
                nodeset = nodeset(p.stringValue());
            }
        }
        Mode newMode = mode;
        BitSet newNodeset = nodeset;
        DomainObject dom = lookup.resolve(a.domain());
        DomainLookup.locked(dom, () -> {
            ModificationImpact impact = ModificationImpact.of(dom, a.flags());
            if (impact.live()) {
                setLive(dom, newMode, newNodeset);
            }
            if (impact.config()) {
                DomainDef def = dom.def();
                Numatune next = def.tuning().numa().with(staticPlacement(def), newMode, null, newNodeset);
                lookup.registry().saveConfig(dom, def.withTuning(def.tuning().withNuma(next)));
            }
            return null;
        });
    }

    private void setLive(DomainObject dom, Mode mode, BitSet nodeset) throws VirtException {
        if (!cgroups.privileged()) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "NUMA tuning is not available in session mode");
        }
        CpusetMems mems = new CpusetMems(cgroups.cgroup(dom, "cpuset", "cgroup cpuset controller is not mounted"));
        DomainDef live = cgroups.liveDef(dom);
        Numatune now = live.tuning().numa();
        if (mode != null && now.memory() != null && now.mode() != mode) {
            throw LiveCgroups.invalid("can't change numatune mode for running domain");
        }
        if (mode == Mode.STRICT) {
            // QEMU holds strict nodes itself: asking for the nodes it has is all that passes
            if (!Objects.equals(nodeset, now.nodeset())) {
                throw LiveCgroups.invalid("can't change nodeset for strict mode for running domain");
            }
            return;
        }
        if (nodeset != null) {
            if (now.memory() != null && now.mode() != Mode.RESTRICTIVE) {
                throw LiveCgroups.invalid("change of nodeset for running domain requires restrictive numa mode");
            }
            NumaMemory.requireAvailable(nodeset);
            mems.set(nodeset);
        }
        Numatune next = now.with(staticPlacement(live), mode, null, nodeset);
        cgroups.replaceLive(dom, live.withTuning(live.tuning().withNuma(next)));
    }

    private static boolean staticPlacement(DomainDef def) {
        return "static".equals(def.vcpus().placement());
    }

    private static BitSet nodeset(String text) throws VirtException {
        BitSet set = CpuSet.bitmap(text);
        if (set.isEmpty()) {
            throw LiveCgroups.invalid("Invalid nodeset of 'numatune': " + text);
        }
        return set;
    }
}
