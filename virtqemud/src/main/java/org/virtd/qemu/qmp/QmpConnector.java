package org.virtd.qemu.qmp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * Connects to the monitor of a QEMU that was just started: QEMU creates its
 * {@code server=on,wait=off} socket only after parsing its command line, so the socket is
 * retried every few milliseconds until it answers, the deadline passes, or the process dies
 * ("qemu unexpectedly closed the monitor", with QEMU's own words appended, as libvirt says).
 */
public final class QmpConnector {
    /** How a QEMU that died before its monitor answered is reported, QEMU's own words after it. */
    public static final String CLOSED_MONITOR = "qemu unexpectedly closed the monitor: ";
    private static final long RETRY_MILLIS = 10;

    private QmpConnector() {
    }

    public static QmpClient connect(Path socket, String vmName, QmpEventListener listener, Duration timeout,
            ProcessHandle qemu, Supplier<String> diagnostics) throws VirtException {
        long deadline = System.nanoTime() + timeout.toNanos();
        VirtException last = null;
        while (System.nanoTime() < deadline) {
            if (!qemu.isAlive()) {
                // libvirt 9.0 has connected by then (it listens on the socket itself and hands QEMU
                // the descriptor), so it sees the monitor close rather than a failed connect
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        CLOSED_MONITOR + diagnostics.get());
            }
            if (Files.exists(socket)) {
                try {
                    Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
                    return QmpClient.connect(socket, vmName, listener, left);
                } catch (VirtException e) {
                    if (e.code() != ErrorCode.OPERATION_FAILED) {
                        throw e;
                    }
                    last = e;
                }
            }
            sleep();
        }
        throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU, "monitor socket " + socket
                + " did not answer within " + timeout.toMillis() + " ms"
                + (last == null ? "" : " (" + last.error().detail() + ")"));
    }

    private static void sleep() throws VirtException {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted while connecting to monitor");
        }
    }
}
