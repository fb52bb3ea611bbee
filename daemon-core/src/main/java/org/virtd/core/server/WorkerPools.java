package org.virtd.core.server;

import org.virtd.rpc.program.Priority;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server's workers (libvirt's virThreadPool): {@code max_workers} normal threads and
 * {@code prio_workers} more that only high-priority calls use, and only when every normal worker
 * is busy, so a stuck driver call cannot starve lookups and close.
 */
final class WorkerPools {
    private final ThreadPoolExecutor normal;
    private final ThreadPoolExecutor prio;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile int minWorkers;

    WorkerPools(String serverName, int minWorkers, int maxWorkers, int prioWorkers) {
        this.normal = pool(serverName + "-worker", Math.max(1, maxWorkers));
        this.prio = prioWorkers > 0 ? pool(serverName + "-prio", prioWorkers) : null;
        resize(minWorkers, maxWorkers, prioWorkers);
    }

    private static ThreadPoolExecutor pool(String name, int size) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor p = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), tf);
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    void execute(Priority priority, Runnable job) {
        if (priority == Priority.HIGH && prio != null && busy.get() >= normal.getMaximumPoolSize()) {
            prio.execute(job);
            return;
        }
        normal.execute(() -> {
            busy.incrementAndGet();
            try {
                job.run();
            } finally {
                busy.decrementAndGet();
            }
        });
    }

    synchronized void resize(int min, int max, int prioWorkers) {
        this.minWorkers = min;
        int m = Math.max(1, max);
        if (m > normal.getMaximumPoolSize()) {
            normal.setMaximumPoolSize(m);
            normal.setCorePoolSize(m);
        } else {
            normal.setCorePoolSize(m);
            normal.setMaximumPoolSize(m);
        }
        if (prio != null && prioWorkers > 0) {
            if (prioWorkers > prio.getMaximumPoolSize()) {
                prio.setMaximumPoolSize(prioWorkers);
                prio.setCorePoolSize(prioWorkers);
            } else {
                prio.setCorePoolSize(prioWorkers);
                prio.setMaximumPoolSize(prioWorkers);
            }
        }
    }

    int minWorkers() {
        return minWorkers;
    }

    int maxWorkers() {
        return normal.getMaximumPoolSize();
    }

    int prioWorkers() {
        return prio != null ? prio.getMaximumPoolSize() : 0;
    }

    /** Threads alive now; libvirt keeps at least min_workers, we report at least that many. */
    int workers() {
        return Math.max(minWorkers, normal.getPoolSize());
    }

    int freeWorkers() {
        return Math.max(0, workers() - busy.get());
    }

    int queueDepth() {
        return normal.getQueue().size();
    }

    void shutdown(long millis) {
        normal.shutdown();
        if (prio != null) {
            prio.shutdown();
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            normal.awaitTermination(millis, TimeUnit.MILLISECONDS);
            if (prio != null) {
                prio.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        normal.shutdownNow();
        if (prio != null) {
            prio.shutdownNow();
        }
    }
}
