package org.virtd.qemu.lifecycle;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Detach calls waiting for QEMU's DEVICE_DELETED of one run. The event is claimed before the
 * domain's lock is taken (the waiting call holds it), so the waiter finishes the removal itself;
 * an event nobody waits for any more is left to the event rules, which remove the device then.
 */
final class DeviceDeletions {
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<Void> expect(String alias) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiting.put(alias, f);
        return f;
    }

    void arrived(String alias) {
        CompletableFuture<Void> f = waiting.remove(alias);
        if (f != null) {
            f.complete(null);
        }
    }

    void cancel(String alias, CompletableFuture<Void> f) {
        waiting.remove(alias, f);
    }

    /** True when the device went within {@code limit}; false leaves the later event to the rules. */
    boolean await(String alias, CompletableFuture<Void> f, Duration limit) {
        try {
            f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            waiting.remove(alias, f);
            return f.isDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.remove(alias, f);
            return f.isDone();
        } catch (ExecutionException e) {
            return false;
        }
    }
}
