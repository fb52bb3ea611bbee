package org.virtd.core.daemon;

import org.virtd.core.activation.Posix;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gives memory back once the daemon turns idle (issue 17): {@link #DELAY_SECONDS} after the last
 * client left, one full collection and a trim of the C heap. Otherwise a burst of work leaves its
 * heap and malloc pages with the idle daemon for good: the serial collector gives heap back only
 * at a full collection, which an idle daemon never has. Runs on the daemon's timer thread; a
 * client arriving first cancels it, and it runs at most once per idle period.
 */
final class IdleCompaction {
    static final long DELAY_SECONDS = 5;
    private final ScheduledExecutorService timers;
    private final long delayMillis;
    private final Runnable compact;
    private ScheduledFuture<?> pending;
    private boolean busySinceLast;

    IdleCompaction(ScheduledExecutorService timers) {
        this(timers, TimeUnit.SECONDS.toMillis(DELAY_SECONDS), IdleCompaction::collect);
    }

    IdleCompaction(ScheduledExecutorService timers, long delayMillis, Runnable compact) {
        this.timers = timers;
        this.delayMillis = delayMillis;
        this.compact = compact;
    }

    synchronized void clientsChanged(int count) {
        if (count > 0) {
            busySinceLast = true;
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        } else if (busySinceLast && pending == null) {
            try {
                pending = timers.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shutting down: nothing to give back
            }
        }
    }

    private void run() {
        synchronized (this) {
            pending = null;
            busySinceLast = false;
        }
        compact.run();
    }

    @SuppressWarnings("java:S1215") // an explicit collection is the point: the daemon is idle
    private static void collect() {
        System.gc();
        Posix.mallocTrim();
    }
}
