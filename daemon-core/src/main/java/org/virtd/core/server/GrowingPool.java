package org.virtd.core.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Normal workers grown the way libvirt's virThreadPool grows them: {@code min_workers} from the
 * start, one more only when a job arrives and no free worker is left for the jobs already waiting
 * (up to {@code max_workers}), and none retired afterwards. So {@code virt-admin
 * server-threadpool-info} shows the same counts as libvirtd's under the same calls; a plain
 * executor would start a thread per call until its core size.
 */
final class GrowingPool extends ThreadPoolExecutor {
    private static final long NEVER_DAYS = 365 * 100;

    /** Jobs running now. */
    private final AtomicInteger busy = new AtomicInteger();
    /** Jobs handed in and not finished: running, waiting in the queue, or on their way to a worker. */
    private final AtomicInteger claimed = new AtomicInteger();

    GrowingPool(String name, int min, int max) {
        super(Math.min(min, Math.max(1, max)), Math.max(1, max), NEVER_DAYS, TimeUnit.DAYS, new GrowQueue(),
                daemonThreads(name), (job, pool) -> ((GrowQueue) pool.getQueue()).enqueue(job, pool));
        ((GrowQueue) getQueue()).pool = this;
        prestartAllCoreThreads();
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Workers running a job now. */
    int busy() {
        return busy.get();
    }

    /** Workers waiting for a job. */
    int free() {
        return Math.max(0, getPoolSize() - busy.get());
    }

    @Override
    public void execute(Runnable job) {
        claimed.incrementAndGet();
        try {
            super.execute(job);
        } catch (RuntimeException e) {
            claimed.decrementAndGet();
            throw e;
        }
    }

    @Override
    protected void beforeExecute(Thread t, Runnable r) {
        busy.incrementAndGet();
    }

    @Override
    protected void afterExecute(Runnable r, Throwable t) {
        busy.decrementAndGet();
        claimed.decrementAndGet();
    }

    /** No free worker is left for the jobs handed in (libvirt: freeWorkers - jobQueueDepth <= 0). */
    private boolean needsWorker() {
        return claimed.get() > getPoolSize() && getPoolSize() < getMaximumPoolSize();
    }

    /** Applies new bounds; the core size never passes the maximum on the way. */
    void resize(int min, int max) {
        int m = Math.max(1, max);
        int c = Math.min(min, m);
        if (m >= getCorePoolSize()) {
            setMaximumPoolSize(m);
            setCorePoolSize(c);
        } else {
            setCorePoolSize(c);
            setMaximumPoolSize(m);
        }
        prestartAllCoreThreads();
    }

    /** Refuses a job (so the executor adds a worker) while no free worker is left for those waiting. */
    private static final class GrowQueue extends LinkedBlockingQueue<Runnable> {
        private volatile GrowingPool pool;

        @Override
        public boolean offer(Runnable job) {
            GrowingPool p = pool;
            if (p != null && p.needsWorker()) {
                return false;
            }
            return super.offer(job);
        }

        /** At the maximum already: the job waits for a worker like any other. */
        void enqueue(Runnable job, ThreadPoolExecutor executor) {
            if (executor.isShutdown()) {
                throw new java.util.concurrent.RejectedExecutionException("the server is shutting down");
            }
            super.offer(job);
        }
    }
}
