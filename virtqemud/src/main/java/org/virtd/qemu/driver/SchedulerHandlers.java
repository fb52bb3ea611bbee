package org.virtd.qemu.driver;

import org.virtd.conf.domain.CpuTune;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.cgroup.CgroupTuning;
import org.virtd.qemu.cgroup.ThreadCgroups;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.SchedulerType;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code virsh schedinfo} (qemuDomainGetSchedulerType, qemuDomainGet/SetSchedulerParametersFlags):
 * the guest's CPU weight and CFS bandwidth. Live, {@code cpu_shares} and the {@code global_*}
 * bandwidth are the guest cgroup's, the {@code vcpu_*}, {@code emulator_*} and {@code iothread_*}
 * bandwidth its per-thread groups' (read from the first of a kind, set on all of it; read from the
 * guest's cgroup when it has none of that kind), each non-zero value also kept in the live
 * definition. Config values live in {@code <cputune>}.
 */
final class SchedulerHandlers {
    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;
    private static final int STRING_OKAY = 4;
    static final int NPARAMS = 9;
    private static final String MISSING = "cgroup CPU controller is not mounted";
    private static final String SESSION = "CPU tuning is not available in session mode";
    private static final long MIN_PERIOD = 1000;
    private static final long MAX_PERIOD = 1000000;
    private static final long MIN_QUOTA = 1000;
    private static final long MAX_QUOTA = 17592186044415L;
    /** Parameter name → {@code <cputune>} element, in the order libvirt reports them. */
    private static final Map<String, String> BANDWIDTH = new LinkedHashMap<>();

    static {
        BANDWIDTH.put("vcpu_period", "period");
        BANDWIDTH.put("vcpu_quota", "quota");
        BANDWIDTH.put("emulator_period", "emulator_period");
        BANDWIDTH.put("emulator_quota", "emulator_quota");
        BANDWIDTH.put("global_period", "global_period");
        BANDWIDTH.put("global_quota", "global_quota");
        BANDWIDTH.put("iothread_period", "iothread_period");
        BANDWIDTH.put("iothread_quota", "iothread_quota");
    }

    private static final Map<String, TypedParam.Type> RULES = new LinkedHashMap<>();

    static {
        RULES.put("cpu_shares", TypedParam.Type.ULLONG);
        BANDWIDTH.keySet().forEach(k -> RULES.put(k, k.endsWith("quota") ? TypedParam.Type.LLONG
                : TypedParam.Type.ULLONG));
    }

    private final DomainLookup lookup;
    private final LiveCgroups cgroups;

    SchedulerHandlers(DomainLookup lookup, LiveCgroups cgroups) {
        this.lookup = lookup;
        this.cgroups = cgroups;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_SCHEDULER_TYPE, (c, d) -> type(lookup.resolve(d)));
        t.on(RemoteProgram.DOMAIN_GET_SCHEDULER_PARAMETERS,
                (c, a) -> get(lookup.resolve(a.domain()), a.value(), 0));
        t.on(RemoteProgram.DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
                (c, a) -> get(lookup.resolve(a.domain()), a.nparams(), a.flags()));
        t.on(RemoteProgram.DOMAIN_SET_SCHEDULER_PARAMETERS, (c, a) -> {
            set(lookup.resolve(a.domain()), a.params(), 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainSetSchedulerParametersFlags");
            set(lookup.resolve(a.domain()), a.params(), a.flags());
            return null;
        });
    }

    private SchedulerType type(DomainObject dom) throws VirtException {
        cgroups.requirePrivileged(SESSION);
        if (dom.isActive()) {
            cgroups.tuning(dom, "cpu", MISSING);
        }
        return new SchedulerType("posix", NPARAMS);
    }

    private List<TypedParam> get(DomainObject dom, int nparams, int flags) throws VirtException {
        DomainLookup.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "qemuDomainGetSchedulerParametersFlags");
        cgroups.requirePrivileged(SESSION);
        boolean live = ModificationImpact.of(dom, flags & ~STRING_OKAY).live();
        List<TypedParam> all = new ArrayList<>();
        if (live) {
            CgroupTuning tuning = cgroups.tuning(dom, "cpu", MISSING);
            ThreadCgroups threads = cgroups.threads(dom, "cpu", MISSING);
            all.add(TypedParam.ofULLong("cpu_shares", tuning.shares()));
            for (String kind : List.of(ThreadCgroups.VCPU, ThreadCgroups.EMULATOR, "global", ThreadCgroups.IOTHREAD)) {
                long[] bw = kind.equals("global") ? tuning.bandwidth() : threads.bandwidth(kind);
                all.add(param(kind + "_period", bw[0]));
                all.add(param(kind + "_quota", bw[1]));
            }
        } else {
            CpuTune tune = dom.def().cputune();
            all.add(TypedParam.ofULLong("cpu_shares", tune.shares() == null ? 0 : tune.shares()));
            BANDWIDTH.forEach((name, element) -> all.add(param(name, tune.bandwidth(element))));
        }
        return all.subList(0, Math.max(0, Math.min(nparams, all.size())));
    }

    private static TypedParam param(String name, long v) {
        return name.endsWith("quota") ? TypedParam.ofLLong(name, v) : TypedParam.ofULLong(name, v);
    }

    private void set(DomainObject dom, List<TypedParam> params, int flags) throws VirtException {
        TypedParamRules.check(params, RULES);
        cgroups.requirePrivileged(SESSION);
        DomainLookup.locked(dom, () -> {
            ModificationImpact impact = ModificationImpact.of(dom, flags);
            for (TypedParam p : params) {
                checkRange(p);
            }
            if (impact.live()) {
                CgroupTuning tuning = cgroups.tuning(dom, "cpu", MISSING);
                ThreadCgroups threads = cgroups.threads(dom, "cpu", MISSING);
                DomainDef live = cgroups.liveDef(dom);
                CpuTune tune = live.cputune();
                for (TypedParam p : params) {
                    long v = p.longValue();
                    if (p.field().equals("cpu_shares")) {
                        tuning.setShares(v);
                        tune = tune.withShares(tuning.shares());
                    } else if (v != 0) {
                        String kind = p.field().substring(0, p.field().indexOf('_'));
                        long period = p.field().endsWith("period") ? v : 0;
                        long quota = p.field().endsWith("quota") ? v : 0;
                        if (kind.equals("global")) {
                            tuning.setBandwidth(period, quota);
                        } else {
                            threads.setBandwidth(kind, period, quota);
                        }
                        tune = tune.withBandwidth(BANDWIDTH.get(p.field()), v);
                    }
                }
                cgroups.replaceLive(dom, live.withCpuTune(tune));
            }
            if (impact.config()) {
                DomainDef def = dom.def();
                CpuTune tune = def.cputune();
                for (TypedParam p : params) {
                    tune = p.field().equals("cpu_shares") ? tune.withShares(p.longValue())
                            : tune.withBandwidth(BANDWIDTH.get(p.field()), p.longValue());
                }
                lookup.registry().saveConfig(dom, def.withCpuTune(tune));
            }
            return null;
        });
    }

    private static void checkRange(TypedParam p) throws VirtException {
        long v = p.longValue();
        if (p.field().endsWith("period")) {
            if ((v > 0 && v < MIN_PERIOD) || Long.compareUnsigned(v, MAX_PERIOD) > 0) {
                throw range(p.field(), MIN_PERIOD, MAX_PERIOD);
            }
        } else if (p.field().endsWith("quota")) {
            if ((v > 0 && v < MIN_QUOTA) || v > MAX_QUOTA) {
                throw range(p.field(), MIN_QUOTA, MAX_QUOTA);
            }
        }
    }

    private static VirtException range(String name, long min, long max) {
        return LiveCgroups.invalidArg("value of '" + name + "' is out of range [" + min + ", " + max + "]");
    }
}
