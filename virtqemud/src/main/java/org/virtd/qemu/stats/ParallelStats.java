package org.virtd.qemu.stats;

import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The records of many domains gathered at once: each running domain's QMP round trips and
 * /proc reads go to a small pool, so one call waits about as long as its slowest guest rather
 * than the sum of all (libvirt asks its guests one after the other). Records keep the order
 * of the domains.
 */
public final class ParallelStats {
    private static final int THREADS = 8;
    /** Longer than a QMP call's own time-out, so a wedged guest fails its call and not this one. */
    private static final long LIMIT_S = 60;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "qemu-domstats");
        t.setDaemon(true);
        return t;
    });

    /** The record of each of {@code doms}; {@code runs} gives a domain's run, or null while inactive. */
    public List<List<TypedParam>> collect(List<DomainObject> doms, Function<DomainObject, RunningDomain> runs,
                                          int groups) throws VirtException {
        List<Future<List<TypedParam>>> pending = new ArrayList<>(doms.size());
        for (DomainObject d : doms) {
            RunningDomain rd = runs.apply(d);
            pending.add(rd == null || doms.size() == 1
                    ? CompletableFuture.completedFuture(StatsGroups.collect(d, rd, groups))
                    : pool.submit(() -> StatsGroups.collect(d, rd, groups)));
        }
        List<List<TypedParam>> out = new ArrayList<>(doms.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_S);
        try {
            for (Future<List<TypedParam>> f : pending) {
                out.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw failed(e.toString());
        }
        return out;
    }

    private static VirtException failed(String why) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "domain statistics failed: " + why);
    }
}
