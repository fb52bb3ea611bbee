package org.virtd.qemu.lifecycle;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The devices QEMU has reported gone ({@code DEVICE_DELETED} with a device id) during one run,
 * for a caller that asked for a removal and waits, bounded, for QEMU to confirm it. Reports
 * and waits happen under the domain's lock; a waiter lets go of it meanwhile so the monitor's
 * events (which take it) keep flowing, as libvirt's jobs release the domain while they wait.
 */
final class DeviceDeletions {
    private final Set<String> deleted = new HashSet<>();
    private final Condition changed;

    DeviceDeletions(ReentrantLock domainLock) {
        this.changed = domainLock.newCondition();
    }

    /** QEMU reported {@code id} gone; the caller holds the domain's lock. */
    void deleted(String id) {
        if (id != null) {
            deleted.add(id);
            changed.signalAll();
        }
    }

    /** Forgets an earlier report of {@code id}, before asking for its removal. */
    void expect(String id) {
        deleted.remove(id);
    }

    /** Whether QEMU reported {@code id} gone within {@code millis}; the caller holds the domain's lock. */
    boolean await(String id, long millis) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(millis);
        while (!deleted.contains(id)) {
            if (left <= 0) {
                return false;
            }
            left = changed.awaitNanos(left);
        }
        return true;
    }
}
