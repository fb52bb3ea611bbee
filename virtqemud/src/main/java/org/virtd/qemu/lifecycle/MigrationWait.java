package org.virtd.qemu.lifecycle;

import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.time.Duration;

/**
 * Waits for a migration QEMU runs (to or from a save image, a full dump) by polling
 * {@code query-migrate}, or {@code query-dump} for a memory-only dump: done when completed, an
 * error with QEMU's reason when it failed, cancelled (and an error) when the bound passes, so a
 * stuck stream never holds a domain for ever.
 */
final class MigrationWait {
    private static final long POLL_MS = 50;

    private MigrationWait() {
    }

    /** The bound for moving {@code memoryKiB} of guest RAM: two minutes plus a minute per GiB. */
    static Duration limitFor(long memoryKiB) {
        return Duration.ofMinutes(2 + memoryKiB / (1024 * 1024));
    }

    static void migration(QmpClient monitor, Duration limit, String what) throws VirtException {
        await(monitor, "query-migrate", limit, what);
    }

    static void dump(QmpClient monitor, Duration limit) throws VirtException {
        await(monitor, "query-dump", limit, "dump");
    }

    private static void await(QmpClient monitor, String query, Duration limit, String what) throws VirtException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonValue v = monitor.execute(query, null);
            JsonObject o = v instanceof JsonObject j ? j : JsonObject.EMPTY;
            String status = o.string("status", "");
            switch (status) {
                case "completed":
                    return;
                case "failed", "cancelled":
                    throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                            what + ": " + o.string("error-desc", "unexpectedly failed"));
                default:
                    break;
            }
            if (System.nanoTime() > deadline) {
                cancel(monitor, query);
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                        what + " did not finish within " + limit.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(monitor, query);
                throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, what + " interrupted");
            }
        }
    }

    private static void cancel(QmpClient monitor, String query) {
        if (!query.equals("query-migrate")) {
            return;
        }
        try {
            monitor.execute("migrate_cancel", null);
        } catch (VirtException ignored) {
            // the run is being given up anyway
        }
    }
}
