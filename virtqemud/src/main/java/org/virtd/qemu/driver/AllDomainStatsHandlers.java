package org.virtd.qemu.driver;

import org.virtd.conf.state.DomainListFilter;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.stats.ParallelStats;
import org.virtd.qemu.stats.StatsGroups;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.AllDomainStatsArgs;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.DomainStatsRecord;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * CONNECT_GET_ALL_DOMAIN_STATS (virConnectGetAllDomainStats and virDomainListGetStats, virsh
 * domstats): the chosen domains, or all that pass the list filters, each with the records of
 * the requested groups ({@link StatsGroups}); stats 0 means every group.
 */
final class AllDomainStatsHandlers {
    static final int FILTERS = 0xff;
    static final int NOWAIT = 1 << 29;
    static final int BACKING = 1 << 30;
    static final int ENFORCE_STATS = 1 << 31;

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;
    private final ParallelStats parallel = new ParallelStats();

    AllDomainStatsHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes) {
        this.lookup = lookup;
        this.processes = processes;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.CONNECT_GET_ALL_DOMAIN_STATS, (c, a) -> stats(a));
    }

    List<DomainStatsRecord> stats(AllDomainStatsArgs a) throws VirtException {
        int flags = a.flags();
        DomainLookup.checkFlags(flags, FILTERS | NOWAIT | BACKING | ENFORCE_STATS, "qemuConnectGetAllDomainStats");
        int groups = a.stats();
        if ((flags & ENFORCE_STATS) != 0 && (groups & ~StatsGroups.ALL) != 0) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU, String.format(
                    "Stats types bits 0x%x are not supported by this daemon or QEMU", groups & ~StatsGroups.ALL));
        }
        if (groups == 0) {
            groups = StatsGroups.ALL;
        }
        List<DomainObject> doms = new ArrayList<>();
        if (a.doms().isEmpty()) {
            for (DomainObject d : lookup.registry().all()) {
                if (DomainListFilter.matches(d, flags & FILTERS)) {
                    doms.add(d);
                }
            }
        } else {
            for (DomainRef ref : a.doms()) {
                doms.add(lookup.resolve(ref));
            }
        }
        DomainProcesses p = processes.get();
        List<List<TypedParam>> records = parallel.collect(doms,
                d -> p == null ? null : p.guests().runningOrNull(d), groups);
        List<DomainStatsRecord> out = new ArrayList<>(doms.size());
        for (int i = 0; i < doms.size(); i++) {
            out.add(new DomainStatsRecord(doms.get(i).ref(), records.get(i)));
        }
        return out;
    }
}
