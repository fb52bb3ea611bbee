package org.virtd.core.server;

import org.virtd.rpc.program.Priority;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A server's workers (libvirt's virThreadPool): between {@code min_workers} and
 * {@code max_workers} normal threads ({@link GrowingPool}) and {@code prio_workers} more that
 * only high-priority calls use, and only when every normal worker is busy, so a stuck driver call
 * cannot starve lookups and close.
 *
 * <p>Clients take turns: each client's calls wait in its own {@link Queue}, and the pool's queue
 * holds at most one turn per client, so a client with a backlog gets one worker per round while
 * every other waiting client gets one too (libvirt gets this fairness from reading a client only
 * while it has fewer than {@code max_client_requests} calls in flight; we add it on the workers).
 */
final class WorkerPools {
    private final GrowingPool normal;
    private final ThreadPoolExecutor prio;
    private volatile int minWorkers;

    WorkerPools(String serverName, int minWorkers, int maxWorkers, int prioWorkers) {
        this.normal = new GrowingPool(serverName + "-worker", minWorkers, maxWorkers);
        this.prio = prioWorkers > 0 ? pool(serverName + "-prio", prioWorkers) : null;
        resize(minWorkers, maxWorkers, prioWorkers);
    }

    private static ThreadPoolExecutor pool(String name, int size) {
        ThreadPoolExecutor p = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                GrowingPool.daemonThreads(name));
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    /** Runs a client's call: on a prio worker if it is urgent and the normal ones are all busy, else in turn. */
    void execute(Queue client, Priority priority, Runnable job) {
        if (priority == Priority.HIGH && prio != null && normal.busy() >= normal.getMaximumPoolSize()) {
            prio.execute(job);
            return;
        }
        client.submit(job, normal);
    }

    /**
     * One client's calls waiting for a worker. At most one turn of it sits in the pool's queue; a
     * worker taking that turn queues the next one (at the back, behind other clients) before
     * running the call, so a client's calls still run in parallel, just not ahead of everyone.
     */
    static final class Queue {
        private final ConcurrentLinkedQueue<Runnable> calls = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean turnQueued = new AtomicBoolean();
        private volatile Executor turns;
        private final Runnable turn = this::takeTurn;

        void submit(Runnable call, Executor pool) {
            turns = pool;
            calls.add(call);
            if (turnQueued.compareAndSet(false, true)) {
                pool.execute(turn);
            }
        }

        private void takeTurn() {
            Runnable call = calls.poll();
            turnQueued.set(false);
            if (!calls.isEmpty() && turnQueued.compareAndSet(false, true)) {
                turns.execute(turn);
            }
            if (call != null) {
                call.run();
            }
        }
    }

    synchronized void resize(int min, int max, int prioWorkers) {
        this.minWorkers = min;
        normal.resize(min, max);
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

    /** Normal workers alive: min_workers at first, more as calls overlap, none retired (as in libvirt). */
    int workers() {
        return normal.getPoolSize();
    }

    int freeWorkers() {
        return normal.free();
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
