package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.state.DomainStates;
import org.virtd.qemu.agent.AgentClient;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpEvent;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.BalloonChangeEvent;
import org.virtd.rpc.remote.types.DeviceRemovalFailedEvent;
import org.virtd.rpc.remote.types.LifecycleEvent;
import org.virtd.rpc.remote.types.RebootEvent;
import org.virtd.rpc.remote.types.TrayChangeEvent;

/**
 * The QMP event rules of one run (qemu-driver.md §6, libvirt's qemuProcessHandle*): RESUME →
 * RESUMED only if not already running; STOP → SUSPENDED only if running and not shutting down,
 * fake-rebooting or being destroyed (the STOP after a panic with on_crash=destroy raises
 * nothing); the first SHUTDOWN → lifecycle SHUTDOWN (guest/host/finished) and SIGTERM, or a fake
 * reboot ({@code system_reset} + {@code cont}) when one was asked for or on_poweroff=restart;
 * RESET → REBOOT event; GUEST_PANICKED → CRASHED and on_crash; QEMU's exit → STOPPED (shutdown
 * if a SHUTDOWN was seen, else failed/crashed). Every event is also passed on to QEMU monitor
 * event callbacks. Decides only: what it changes outside the domain's state and the run's flags
 * goes through {@link RunEffects}. Callers hold the domain's lock.
 */
final class QmpEventRules {
    private static final Logger LOG = LoggerFactory.getLogger(QmpEventRules.class);

    private final RunningDomain rd;
    private final RunEffects run;
    /** The fake reboot under way restarts a panicked guest (its RESUME is announced). */
    private boolean crashRestart;

    QmpEventRules(RunningDomain rd, RunEffects run) {
        this.rd = rd;
        this.run = run;
    }

    /** One QMP event of this run, in QEMU's order. */
    void onEvent(QmpEvent event) {
        DomainObject dom = rd.domain();
        if (rd.stopped || !run.isCurrent()) {
            return;
        }
        run.monitorEvent(event);
        switch (event.name()) {
            case "RESUME" -> {
                if (!consumed(rd.ownResumes)) {
                    resumed(dom);
                }
            }
            case "STOP" -> {
                if (!consumed(rd.ownStops)) {
                    stopped(dom);
                }
            }
            case "SHUTDOWN" -> {
                run.agentEvent(AgentClient.Await.SHUTDOWN);
                shutdown(dom, event.data());
            }
            case "DEVICE_DELETED" -> event.data().string("device").ifPresent(run::deviceDeleted);
            case "RESET" -> {
                run.agentEvent(AgentClient.Await.RESET);
                if (!rd.starting) {
                    run.domainEvent(new RebootEvent(dom.ref()));
                }
                if (crashRestart) {
                    // a panicked guest restarted by on_crash is announced as resumed after its reset
                    crashRestart = false;
                    emit(dom, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_UNPAUSED);
                }
            }
            case "GUEST_PANICKED" -> panicked(dom);
            case "VSERPORT_CHANGE" -> {
                run.portChanged(event.data().string("id", null), event.data().bool("open", false));
                run.statusChanged();
            }
            case "DEVICE_TRAY_MOVED" -> trayMoved(dom, event.data());
            case "DEVICE_UNPLUG_GUEST_ERROR", "ACPI_DEVICE_OST" -> {
                String alias = refusedRemoval(event);
                if (alias != null) {
                    run.domainEvent(new DeviceRemovalFailedEvent(dom.ref(), alias));
                }
            }
            case "BALLOON_CHANGE" -> balloonChanged(dom, event.data().number("actual", 0) / 1024);
            default -> {
            }
        }
    }

    /**
     * The device whose removal the guest refused, or null: QEMU's DEVICE_UNPLUG_GUEST_ERROR for a
     * device with an id, or an ACPI _OST for a DIMM ejection (source 0x3 or 0x103) failing with
     * status 1 or 0x80-0x83, as libvirt reads them.
     */
    static String refusedRemoval(QmpEvent event) {
        JsonObject data = event.data();
        if ("DEVICE_UNPLUG_GUEST_ERROR".equals(event.name())) {
            return data.string("device", null);
        }
        if (!"ACPI_DEVICE_OST".equals(event.name()) || !data.has("info")) {
            return null;
        }
        JsonObject info = data.object("info");
        long source = info.number("source", -1);
        long status = info.number("status", -1);
        boolean ejecting = source == 0x3 || source == 0x103;
        boolean failed = status == 0x1 || status >= 0x80 && status <= 0x83;
        return "DIMM".equals(info.string("slot-type", null)) && ejecting && failed ? info.string("device", null)
                : null;
    }

    /** True (and one fewer owed) when the event answers a stop/cont a long job issued itself. */
    private static boolean consumed(java.util.concurrent.atomic.AtomicInteger owed) {
        return owed.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** QEMU has exited (monitor EOF and the process gone): end the run unless it is already ending. */
    void exited() {
        if (rd.stopped || rd.destroying || !run.isCurrent()) {
            return;
        }
        if (rd.shutdownSeen) {
            run.stop(DomainStates.SHUTOFF_SHUTDOWN, DomainStates.STOPPED_SHUTDOWN);
        } else {
            run.stop(DomainStates.SHUTOFF_CRASHED, DomainStates.STOPPED_FAILED);
        }
    }

    /** A drive's tray opened or closed (a media change, or the guest's eject): TRAY_CHANGE, 0 open, 1 closed. */
    private void trayMoved(DomainObject dom, JsonObject data) {
        String id = data.string("id", "");
        String alias = id.isEmpty() ? data.string("device", "") : id;
        if (!alias.isEmpty()) {
            run.domainEvent(new TrayChangeEvent(dom.ref(), alias, data.bool("tray-open", false) ? 0 : 1));
        }
    }

    /** The guest moved its balloon: the live current memory is what it reports. */
    private void balloonChanged(DomainObject dom, long kib) {
        rd.live(rd.live().withMemory(rd.live().memoryKiB(), kib));
        dom.setActive(rd.id(), rd.live());
        run.statusChanged();
        run.domainEvent(new BalloonChangeEvent(dom.ref(), kib));
    }

    private void resumed(DomainObject dom) {
        if (rd.rebooting) {
            rd.rebooting = false;
            return;
        }
        if (dom.state() != DomainStates.RUNNING && dom.state() != DomainStates.SHUTDOWN) {
            dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_UNPAUSED);
            emit(dom, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_UNPAUSED);
            run.statusChanged();
        }
    }

    private void stopped(DomainObject dom) {
        if (dom.state() == DomainStates.RUNNING && !rd.shutdownSeen && !rd.rebooting && !rd.destroying) {
            dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_UNKNOWN);
            emit(dom, DomainStates.EVENT_SUSPENDED, DomainStates.SUSPENDED_PAUSED);
            run.statusChanged();
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
        emit(dom, DomainStates.EVENT_SHUTDOWN, detail);
        run.statusChanged();
        run.terminate();
    }

    /** libvirt's qemuProcessFakeReboot: reset the stopped guest and let it run again. */
    private void fakeReboot(DomainObject dom) {
        rd.fakeReboot = false;
        rd.rebooting = true;
        boolean crashed = dom.state() == DomainStates.CRASHED;
        try {
            run.resetAndContinue();
            dom.setState(DomainStates.RUNNING, crashed ? DomainStates.RUNNING_CRASHED : DomainStates.RUNNING_BOOTED);
            crashRestart = crashed;
            run.statusChanged();
        } catch (VirtException e) {
            LOG.warn("fake reboot of '{}' failed, stopping it: {}", dom.name(), e.getMessage());
            rd.rebooting = false;
            rd.shutdownSeen = true;
            run.terminate();
        }
    }

    /**
     * libvirt's guest panic handling: CRASHED/PANICKED, then on_crash: preserve keeps the crashed
     * guest, restart fake-reboots it (running, reason crashed), destroy stops it; the coredump-
     * variants first dump its memory to auto_dump_path and stay crashed when that fails.
     */
    private void panicked(DomainObject dom) {
        String onCrash = rd.live().lifecycle() != null ? rd.live().lifecycle().onCrash() : null;
        dom.setState(DomainStates.CRASHED, DomainStates.CRASHED_PANICKED);
        emit(dom, DomainStates.EVENT_CRASHED, DomainStates.CRASHED_PANICKED_DETAIL);
        run.statusChanged();
        if ("preserve".equals(onCrash)) {
            return;
        }
        boolean dump = onCrash != null && onCrash.startsWith("coredump-");
        if (dump && !run.crashDump()) {
            return;
        }
        if ("restart".equals(onCrash) || "coredump-restart".equals(onCrash)) {
            rd.fakeReboot = true;
            fakeReboot(dom);
            return;
        }
        rd.destroying = true;
        run.terminateThenStop(DomainStates.SHUTOFF_CRASHED, DomainStates.STOPPED_CRASHED);
    }

    private void emit(DomainObject dom, int event, int detail) {
        run.domainEvent(new LifecycleEvent(dom.ref(), event, detail));
    }
}
