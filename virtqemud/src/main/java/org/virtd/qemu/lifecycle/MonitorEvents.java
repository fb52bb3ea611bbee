package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.process.QemuProcess;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpEvent;
import org.virtd.qemu.qmp.QmpEventListener;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.BalloonChangeEvent;
import org.virtd.rpc.remote.types.RebootEvent;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The QMP event rules of one run (qemu-driver.md §6, libvirt's qemuProcessHandle*): RESUME →
 * RESUMED only if not already running; STOP → SUSPENDED only if running and not shutting down
 * or fake-rebooting; the first SHUTDOWN → lifecycle SHUTDOWN (guest/host/finished) and SIGTERM,
 * or a fake reboot ({@code system_reset} + {@code cont}) when one was asked for or
 * on_poweroff=restart; RESET → REBOOT event; GUEST_PANICKED → CRASHED and on_crash; monitor
 * EOF → STOPPED (shutdown if a SHUTDOWN was seen, else failed/crashed). Every event is also
 * passed on to QEMU monitor event callbacks. Runs on the connection's event thread and takes
 * the domain's lock, so API calls and events never interleave inside one transition.
 */
final class MonitorEvents implements QmpEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorEvents.class);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final DomainLifecycle lifecycle;
    private final RunningDomain rd;

    MonitorEvents(DomainLifecycle lifecycle, RunningDomain rd) {
        this.lifecycle = lifecycle;
        this.rd = rd;
    }

    @Override
    public void onEvent(QmpEvent event) {
        DomainObject dom = rd.domain();
        dom.lock().lock();
        try {
            if (rd.stopped || lifecycle.running(dom) != rd) {
                return;
            }
            lifecycle.events().monitorEvent(dom.ref(), event.name(), event.timestampMicros() / 1_000_000,
                    (int) (event.timestampMicros() % 1_000_000),
                    event.data().keys().isEmpty() ? null : event.data().toJson());
            switch (event.name()) {
                case "RESUME" -> resumed(dom);
                case "STOP" -> stopped(dom);
                case "SHUTDOWN" -> shutdown(dom, event.data());
                case "RESET" -> {
                    if (!rd.starting) {
                        lifecycle.events().domainEvent(new RebootEvent(dom.ref()));
                    }
                }
                case "GUEST_PANICKED" -> panicked(dom);
                case "BALLOON_CHANGE" -> lifecycle.events().domainEvent(
                        new BalloonChangeEvent(dom.ref(), event.data().number("actual", 0) / 1024));
                default -> {
                }
            }
        } finally {
            dom.lock().unlock();
        }
    }

    private void resumed(DomainObject dom) {
        if (rd.rebooting) {
            rd.rebooting = false;
            return;
        }
        if (dom.state() != DomainStates.RUNNING && dom.state() != DomainStates.SHUTDOWN) {
            dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_UNPAUSED);
            lifecycle.emit(dom, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_UNPAUSED);
            lifecycle.writeStatus(rd);
        }
    }

    private void stopped(DomainObject dom) {
        if (dom.state() == DomainStates.RUNNING && !rd.shutdownSeen && !rd.rebooting) {
            dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_UNKNOWN);
            lifecycle.emit(dom, DomainStates.EVENT_SUSPENDED, DomainStates.SUSPENDED_PAUSED);
            lifecycle.writeStatus(rd);
        }
    }

    private void shutdown(DomainObject dom, JsonObject data) {
        if (rd.shutdownSeen || rd.destroying) {
            return;
        }
        boolean guestShutdown = "guest-shutdown".equals(data.string("reason", ""));
        String onPoweroff = rd.live().lifecycle() != null ? rd.live().lifecycle().onPoweroff() : null;
        if (rd.fakeReboot || (guestShutdown && "restart".equals(onPoweroff))) {
            fakeReboot(dom);
            return;
        }
        rd.shutdownSeen = true;
        dom.setState(DomainStates.SHUTDOWN, 0);
        int detail = !data.has("guest") ? DomainStates.SHUTDOWN_FINISHED
                : data.bool("guest", false) ? DomainStates.SHUTDOWN_GUEST : DomainStates.SHUTDOWN_HOST;
        lifecycle.emit(dom, DomainStates.EVENT_SHUTDOWN, detail);
        lifecycle.writeStatus(rd);
        terminateInBackground();
    }

    /** libvirt's qemuProcessFakeReboot: reset the stopped guest and let it run again. */
    private void fakeReboot(DomainObject dom) {
        rd.fakeReboot = false;
        rd.rebooting = true;
        try {
            var monitor = rd.process().monitor();
            monitor.execute("system_reset", null);
            monitor.execute("cont", null);
            dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_BOOTED);
            lifecycle.writeStatus(rd);
        } catch (VirtException e) {
            LOG.warn("fake reboot of '{}' failed, stopping it: {}", dom.name(), e.getMessage());
            rd.rebooting = false;
            rd.shutdownSeen = true;
            terminateInBackground();
        }
    }

    private void panicked(DomainObject dom) {
        String onCrash = rd.live().lifecycle() != null ? rd.live().lifecycle().onCrash() : null;
        lifecycle.emit(dom, DomainStates.EVENT_CRASHED, DomainStates.CRASHED_PANICKED_DETAIL);
        if ("preserve".equals(onCrash)) {
            dom.setState(DomainStates.CRASHED, DomainStates.CRASHED_PANICKED);
            lifecycle.writeStatus(rd);
            return;
        }
        if ("restart".equals(onCrash)) {
            rd.fakeReboot = true;
            fakeReboot(dom);
            return;
        }
        rd.destroying = true;
        QemuProcess p = rd.process();
        lifecycle.runInBackground(() -> {
            p.terminate(false);
            dom.lock().lock();
            try {
                lifecycle.stop(rd, DomainStates.SHUTOFF_CRASHED, DomainStates.STOPPED_CRASHED);
            } finally {
                dom.lock().unlock();
            }
        });
    }

    private void terminateInBackground() {
        QemuProcess p = rd.process();
        lifecycle.runInBackground(() -> p.terminate(false));
    }

    /** Monitor EOF: QEMU exited. Wait for it to be gone, then stop the run with the right reason. */
    @Override
    public void onClose(boolean eof) {
        if (!eof) {
            return;
        }
        lifecycle.runInBackground(this::ended);
    }

    private void ended() {
        QemuProcess p = rd.process();
        if (p != null) {
            try {
                p.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (p.isAlive()) {
                    p.terminate(Duration.ofSeconds(2), true);
                }
            }
        }
        DomainObject dom = rd.domain();
        dom.lock().lock();
        try {
            if (rd.stopped || rd.destroying || lifecycle.running(dom) != rd) {
                return;
            }
            if (rd.shutdownSeen) {
                lifecycle.stop(rd, DomainStates.SHUTOFF_SHUTDOWN, DomainStates.STOPPED_SHUTDOWN);
            } else {
                lifecycle.stop(rd, DomainStates.SHUTOFF_CRASHED, DomainStates.STOPPED_FAILED);
            }
        } finally {
            dom.lock().unlock();
        }
    }
}
