package org.virtd.core.daemon;

import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@link IdleTimeoutPolicy} against real time: every change re-plans one check at the
 * policy's deadline on a single daemon thread, and an expired check calls the shutdown action once
 * ("Automatic shutdown triggered", daemons.md §9). Also the driver's inhibitor.
 */
final class IdleTimer implements org.virtd.core.driver.DriverContext.Inhibitor {
    private final IdleTimeoutPolicy policy;
    private final Runnable onExpiry;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> pending;
    private boolean fired;

    IdleTimer(int timeoutSeconds, Runnable onExpiry) {
        this.policy = new IdleTimeoutPolicy(timeoutSeconds, System::nanoTime);
        this.onExpiry = onExpiry;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idle-timer");
            t.setDaemon(true);
            return t;
        });
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
            pending = scheduler.schedule(this::check, left.getAsLong(), TimeUnit.NANOSECONDS);
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

    void stop() {
        scheduler.shutdownNow();
    }
}
