package org.virtd.core.server;

import org.virtd.rpc.program.Priority;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server's workers (libvirt's virThreadPool): {@code max_workers} normal threads and
 * {@code prio_workers} more that only high-priority calls use, and only when every normal worker
 * is busy, so a stuck driver call cannot starve lookups and close.
 *
 * <p>Clients take turns: each client's calls wait in its own {@link Queue}, and the pool's queue
 * holds at most one turn per client, so a client with a backlog gets one worker per round while
 * every other waiting client gets one too (libvirt gets this fairness from reading a client only
 * while it has fewer than {@code max_client_requests} calls in flight; we add it on the workers).
 */
final class WorkerPools {
    private final ThreadPoolExecutor normal;
    private final ThreadPoolExecutor prio;
    private final AtomicInteger busy = new AtomicInteger();
    private final Executor turns = this::runTurn;
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

    /** Runs a client's call: on a prio worker if it is urgent and the normal ones are all busy, else in turn. */
    void execute(Queue client, Priority priority, Runnable job) {
        if (priority == Priority.HIGH && prio != null && busy.get() >= normal.getMaximumPoolSize()) {
            prio.execute(job);
            return;
        }
        client.submit(job, turns);
    }

    private void runTurn(Runnable turn) {
        normal.execute(() -> {
            busy.incrementAndGet();
            try {
                turn.run();
            } finally {
                busy.decrementAndGet();
            }
        });
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
