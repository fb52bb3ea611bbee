package org.virtd.qemu.driver;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.ResourceTune.MemTune;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.cgroup.CgroupTuning;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.DomainNParamsFlagsArgs;
import org.virtd.rpc.remote.types.DomainParamsFlagsArgs;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.List;
import java.util.Map;

/**
 * {@code virsh memtune} (qemuDomainGetMemoryParameters / qemuDomainSetMemoryParameters): the
 * {@code <memtune>} limits in KiB, live in the guest's memory cgroup, config in the persistent
 * definition; unlimited is {@value CgroupTuning#UNLIMITED_KIB}.
 */
final class MemoryTuneHandlers {
    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;
    private static final int STRING_OKAY = 4;
    private static final String MISSING = "cgroup memory controller is not mounted";
    private static final Map<String, TypedParam.Type> RULES = Map.of("hard_limit", TypedParam.Type.ULLONG,
            "soft_limit", TypedParam.Type.ULLONG, "swap_hard_limit", TypedParam.Type.ULLONG);

    private final DomainLookup lookup;
    private final LiveCgroups cgroups;

    MemoryTuneHandlers(DomainLookup lookup, LiveCgroups cgroups) {
        this.lookup = lookup;
        this.cgroups = cgroups;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_MEMORY_PARAMETERS, (c, a) -> get(a));
        t.on(RemoteProgram.DOMAIN_SET_MEMORY_PARAMETERS, (c, a) -> {
            set(a);
            return null;
        });
    }

    private CountedParams get(DomainNParamsFlagsArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG | STRING_OKAY, "qemuDomainGetMemoryParameters");
        DomainObject dom = lookup.resolve(a.domain());
        boolean live = ModificationImpact.of(dom, a.flags() & ~STRING_OKAY).live();
        if (a.nparams() == 0) {
            return new CountedParams(List.of(), 3);
        }
        MemTune m = live ? cgroups.tuning(dom, "memory", MISSING).memory() : dom.def().tuning().memory();
        List<TypedParam> all = List.of(TypedParam.ofULLong("hard_limit", kib(m.hardLimitKiB())),
                TypedParam.ofULLong("soft_limit", kib(m.softLimitKiB())),
                TypedParam.ofULLong("swap_hard_limit", kib(m.swapHardLimitKiB())));
        return TuningQueryHandlers.counted(all, a.nparams());
    }

    private static long kib(Long v) {
        return v == null ? CgroupTuning.UNLIMITED_KIB : v;
    }

    private void set(DomainParamsFlagsArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainSetMemoryParameters");
        TypedParamRules.check(a.params(), RULES);
        DomainObject dom = lookup.resolve(a.domain());
        DomainLookup.locked(dom, () -> {
            ModificationImpact impact = ModificationImpact.of(dom, a.flags());
            CgroupTuning tuning = impact.live() ? cgroups.tuning(dom, "memory", MISSING) : null;
            if (impact.live()) {
                DomainDef live = cgroups.liveDef(dom);
                MemTune next = apply(live.tuning().memory(), a.params());
                tuning.setMemory(next);
                cgroups.replaceLive(dom, live.withTuning(live.tuning().withMemory(next)));
            }
            if (impact.config()) {
                DomainDef def = dom.def();
                // libvirt checks the limits against the running definition's, then stores them
                MemTune next = apply(def.tuning().memory(), a.params());
                lookup.registry().saveConfig(dom, def.withTuning(def.tuning().withMemory(next)));
            }
            return null;
        });
    }

    /** {@code old} with the given limits; the hard limit may not exceed the swap one. */
    static MemTune apply(MemTune old, List<TypedParam> params) throws VirtException {
        Long hard = old.hardLimitKiB();
        Long soft = old.softLimitKiB();
        Long swap = old.swapHardLimitKiB();
        boolean hardOrSwap = false;
        for (TypedParam p : params) {
            Long v = Long.compareUnsigned(p.longValue(), CgroupTuning.UNLIMITED_KIB) >= 0 ? null : p.longValue();
            switch (p.field()) {
                case "hard_limit" -> {
                    hard = v;
                    hardOrSwap = true;
                }
                case "soft_limit" -> soft = v;
                default -> {
                    swap = v;
                    hardOrSwap = true;
                }
            }
        }
        long h = hard == null ? CgroupTuning.UNLIMITED_KIB : hard;
        long s = swap == null ? CgroupTuning.UNLIMITED_KIB : swap;
        if (hardOrSwap && h > s) {
            throw LiveCgroups.invalidArg(
                    "memory hard_limit tunable value must be lower than or equal to swap_hard_limit");
        }
        return new MemTune(hard, soft, swap);
    }
}
