package org.virtd.qemu.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.virtd.qemu.qmp.QmpClient;

/**
 * A running domain's QEMU as the driver holds it: pid, monitor connection, pty paths by chardev
 * label ({@code charserial0} → {@code /dev/pts/3}) and exit notification. When the daemon
 * started it, the {@link Process} is kept so its exit is reaped at once; a re-attached QEMU is
 * watched through its {@link ProcessHandle}. {@link #terminate} is libvirt's
 * virProcessKillPainfully (qemu-driver.md §5 destroy).
 */
public final class QemuProcess {
    /** destroy: SIGKILL after this long without exit. */
    public static final Duration KILL_AFTER = Duration.ofSeconds(10);
    /** destroy --graceful: give up after this long (SIGTERM only). */
    public static final Duration GRACEFUL_LIMIT = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 200;

    private final String name;
    private final ProcessHandle handle;
    private final Process child;
    private final Path monitorPath;
    private final QmpClient monitor;
    private final Map<String, String> ptys;

    QemuProcess(String name, ProcessHandle handle, Process child, Path monitorPath, QmpClient monitor,
            Map<String, String> ptys) {
        this.name = name;
        this.handle = handle;
        this.child = child;
        this.monitorPath = monitorPath;
        this.monitor = monitor;
        this.ptys = Map.copyOf(ptys);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    /** CPU time QEMU has used, all threads, user and system (what virDomainGetInfo reports). */
    public long cpuTimeNanos() {
        return handle.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    public Path monitorPath() {
        return monitorPath;
    }

    public QmpClient monitor() {
        return monitor;
    }

    /** pty paths by chardev label, from {@code query-chardev}. */
    public Map<String, String> ptys() {
        return ptys;
    }

    public Optional<String> pty(String label) {
        return Optional.ofNullable(ptys.get(label));
    }

    /** True when the daemon started this QEMU (not re-attached after a restart). */
    public boolean isChild() {
        return child != null;
    }

    public boolean isAlive() {
        return child != null ? child.isAlive() : QemuIdentity.alive(handle.pid());
    }

    /** Completes when QEMU has exited (and, for a child, been reaped). */
    public CompletableFuture<?> onExit() {
        return child != null ? child.onExit() : handle.onExit();
    }

    /**
     * SIGTERM, then poll every 200 ms; unless {@code graceful}, SIGKILL after {@link #KILL_AFTER};
     * returns whether QEMU is gone within {@code graceful ? GRACEFUL_LIMIT : KILL_AFTER + 5 s}.
     */
    public boolean terminate(boolean graceful) {
        return terminate(graceful ? GRACEFUL_LIMIT : KILL_AFTER, !graceful);
    }

    public boolean terminate(Duration patience, boolean thenKill) {
        handle.destroy();
        if (waitGone(patience)) {
            return true;
        }
        if (!thenKill) {
            return false;
        }
        handle.destroyForcibly();
        return waitGone(Duration.ofSeconds(5));
    }

    private boolean waitGone(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                onExit().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.TimeoutException e) {
                if (!isAlive()) {
                    return true;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                return !isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isAlive();
            }
        }
        return !isAlive();
    }
}
