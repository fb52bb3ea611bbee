package org.virtd.core.daemon;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * When an idle daemon should exit ({@code -t SECS}, daemons.md §9): the clock runs only while no
 * client is connected on any server and nothing holds an inhibition (drivers initialising, running
 * guests); each time the daemon becomes idle the full period restarts; 0 disables it. Pure: time
 * comes from an injected nanosecond clock, callers ask {@link #expired()} or {@link #nanosLeft()}.
 * Not thread-safe; {@link IdleTimer} serialises access.
 */
final class IdleTimeoutPolicy {
    private final LongSupplier nanoClock;
    private long timeoutNanos;
    private int clients;
    private int inhibitions;
    private long idleSince;
    private boolean idle;

    IdleTimeoutPolicy(int timeoutSeconds, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.timeoutNanos = seconds(timeoutSeconds);
        update();
    }

    private static long seconds(int s) {
        return Math.max(0, s) * 1_000_000_000L;
    }

    void clientsChanged(int count) {
        clients = Math.max(0, count);
        update();
    }

    void inhibit() {
        inhibitions++;
        update();
    }

    void release() {
        inhibitions = Math.max(0, inhibitions - 1);
        update();
    }

    /** CONNECT_SET_DAEMON_TIMEOUT: a new period, counted from now; 0 disables. */
    void setTimeout(int timeoutSeconds) {
        timeoutNanos = seconds(timeoutSeconds);
        idle = false;
        update();
    }

    int timeoutSeconds() {
        return (int) (timeoutNanos / 1_000_000_000L);
    }

    private void update() {
        boolean nowIdle = timeoutNanos > 0 && clients == 0 && inhibitions == 0;
        if (nowIdle && !idle) {
            idleSince = nanoClock.getAsLong();
        }
        idle = nowIdle;
    }

    /** Time until expiry while the clock runs; empty while it does not. */
    OptionalLong nanosLeft() {
        if (!idle) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, idleSince + timeoutNanos - nanoClock.getAsLong()));
    }

    boolean expired() {
        OptionalLong left = nanosLeft();
        return left.isPresent() && left.getAsLong() == 0;
    }
}
