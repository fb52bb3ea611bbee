package org.virtd.core.daemon;

import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@link IdleTimeoutPolicy} against real time: every change re-plans one check at the
 * policy's deadline on a single daemon thread, and an expired check calls the shutdown action once
 * ("Automatic shutdown triggered", daemons.md §9). Also the driver's inhibitor. Once the RPC
 * side exists the checks run on its I/O thread ({@link #scheduleOn}, one timer thread for
 * keepalive and idle timeout alike, issue 17); until then on a thread of its own, which exists
 * only while a check is planned and ends {@link #LINGER_SECONDS} after its last one.
 */
final class IdleTimer implements org.virtd.core.driver.DriverContext.Inhibitor {
    private final IdleTimeoutPolicy policy;
    private final Runnable onExpiry;
    private static final long LINGER_SECONDS = 10;
    private final ScheduledThreadPoolExecutor own;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> pending;
    private boolean fired;

    IdleTimer(int timeoutSeconds, Runnable onExpiry) {
        this.policy = new IdleTimeoutPolicy(timeoutSeconds, System::nanoTime);
        this.onExpiry = onExpiry;
        this.own = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "idle-timer");
            t.setDaemon(true);
            return t;
        });
        own.setRemoveOnCancelPolicy(true); // a cancelled check must not keep the thread
        own.setKeepAliveTime(LINGER_SECONDS, TimeUnit.SECONDS);
        own.allowCoreThreadTimeOut(true);
        this.scheduler = own;
    }

    /** Runs the checks on {@code timers} from now on (checks are short and never block). */
    synchronized void scheduleOn(ScheduledExecutorService timers) {
        this.scheduler = timers;
        replan();
        own.shutdown();
    }

    synchronized void clientsChanged(int count) {
        policy.clientsChanged(count);
        replan();
    }

    @Override
    public synchronized void acquire() {
        policy.inhibit();
        replan();
    }

    @Override
    public synchronized void release() {
        policy.release();
        replan();
    }

    synchronized void setTimeout(int seconds) {
        policy.setTimeout(seconds);
        replan();
    }

    synchronized int timeoutSeconds() {
        return policy.timeoutSeconds();
    }

    private void replan() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        OptionalLong left = policy.nanosLeft();
        if (left.isPresent() && !fired) {
            try {
                pending = scheduler.schedule(this::check, left.getAsLong(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the daemon is shutting down: nothing left to time out
            }
        }
    }

    private void check() {
        synchronized (this) {
            if (fired || !policy.expired()) {
                replan();
                return;
            }
            fired = true;
        }
        onExpiry.run();
    }

    synchronized void stop() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        own.shutdownNow();
    }
}
