package org.virtd.qemu.lifecycle;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

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
 * A guest that refuses the removal fails the waiting call.
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

    /** The guest refused to let {@code alias} go: the call waiting for it fails. */
    void rejected(String alias) {
        CompletableFuture<Void> f = waiting.remove(alias);
        if (f != null) {
            f.completeExceptionally(new Rejected());
        }
    }

    void cancel(String alias, CompletableFuture<Void> f) {
        waiting.remove(alias, f);
    }

    /**
     * True when the device went within {@code limit}; false leaves the later event to the rules.
     * Fails as libvirt does when the guest rejected the removal.
     */
    boolean await(String alias, CompletableFuture<Void> f, Duration limit) throws VirtException {
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
            if (e.getCause() instanceof Rejected) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "unplug of device was rejected by the guest");
            }
            return false;
        }
    }

    /** Why a wait ended without the device gone. */
    private static final class Rejected extends RuntimeException {
        Rejected() {
            super(null, null, false, false);
        }
    }
}
