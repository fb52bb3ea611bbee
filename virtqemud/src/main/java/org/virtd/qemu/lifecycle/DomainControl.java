package org.virtd.qemu.lifecycle;

import org.virtd.core.driver.Checks;
import org.virtd.conf.state.DomainStates;
import org.virtd.qemu.agent.AgentClient;
import org.virtd.qemu.agent.GuestAgent;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.process.QemuProcess;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * The lifecycle API calls on an active domain (qemu-driver.md §5 table): shutdown and reboot
 * through the ACPI power button (reboot as libvirt's fake reboot), reset, suspend/resume with
 * {@code stop}/{@code cont}, destroy by signals. Each takes the domain's lock for the whole
 * call and checks the state first, with libvirt's errors.
 */
public final class DomainControl {
    public static final int SHUTDOWN_ACPI = 1;
    public static final int SHUTDOWN_AGENT = 2;
    public static final int SHUTDOWN_INITCTL = 4;
    public static final int SHUTDOWN_SIGNAL = 8;
    public static final int SHUTDOWN_PARAVIRT = 16;
    public static final int DESTROY_GRACEFUL = 1;
    public static final int DESTROY_REMOVE_LOGS = 2;

    private final DomainLifecycle lifecycle;

    public DomainControl(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** virDomainShutdownFlags: {@code system_powerdown}; the guest decides. */
    public void shutdown(DomainObject dom, int flags) throws VirtException {
        powerButton(dom, flags, "qemuDomainShutdownFlags", false);
    }

    /** virDomainReboot: ACPI power-off with the fake-reboot flag: on the guest's SHUTDOWN, reset and run. */
    public void reboot(DomainObject dom, int flags) throws VirtException {
        powerButton(dom, flags, "qemuDomainReboot", true);
    }

    private void powerButton(DomainObject dom, int flags, String function, boolean reboot) throws VirtException {
        int known = SHUTDOWN_ACPI | SHUTDOWN_AGENT | SHUTDOWN_INITCTL | SHUTDOWN_SIGNAL | SHUTDOWN_PARAVIRT;
        if ((flags & ~known) != 0 || (flags & (SHUTDOWN_INITCTL | SHUTDOWN_SIGNAL)) != 0) {
            throw Checks.unsupportedFlags(flags & ~(SHUTDOWN_ACPI | SHUTDOWN_AGENT | SHUTDOWN_PARAVIRT), function,
                    ErrorDomain.QEMU);
        }
        boolean agentRequested = (flags & SHUTDOWN_AGENT) != 0;
        boolean acpiRequested = (flags & SHUTDOWN_ACPI) != 0;
        RunningDomain current = lifecycle.running(dom);
        // with no mode given, a connected agent is preferred and ACPI is the fallback
        if (agentRequested || (flags == 0 && current != null && current.agent() != null)) {
            boolean forced = agentRequested && !acpiRequested;
            try {
                if (viaAgent(dom, reboot, forced)) {
                    return;
                }
            } catch (VirtException e) {
                if (forced) {
                    throw e;
                }
            }
            if (!acpiRequested && flags != 0) {
                return;
            }
        }
        dom.lock().lock();
        try {
            RunningDomain rd = active(dom, ErrorDomain.QEMU);
            if (!reboot && dom.state() != DomainStates.RUNNING) {
                throw notRunning(ErrorDomain.QEMU);
            }
            rd.fakeReboot = reboot;
            monitor(rd).execute("system_powerdown", null);
        } finally {
            dom.lock().unlock();
        }
    }

    /**
     * guest-shutdown through the agent (the guest powers off or reboots itself, no fake reboot).
     * False when the agent is unavailable and {@code report} is off. The domain's lock is not held
     * while the agent works: QEMU's SHUTDOWN/RESET event, handled under it, completes the command.
     */
    private boolean viaAgent(DomainObject dom, boolean reboot, boolean report) throws VirtException {
        AgentClient agent;
        dom.lock().lock();
        try {
            RunningDomain rd = active(dom, ErrorDomain.QEMU);
            if (!reboot && dom.state() != DomainStates.RUNNING) {
                throw notRunning(ErrorDomain.QEMU);
            }
            try {
                agent = AgentChannels.require(rd);
            } catch (VirtException e) {
                if (report) {
                    throw e;
                }
                return false;
            }
            rd.fakeReboot = false;
        } finally {
            dom.lock().unlock();
        }
        new GuestAgent(agent).shutdown(reboot ? "reboot" : "powerdown");
        return true;
    }

    /** virDomainReset: {@code system_reset}; QEMU's RESET event raises REBOOT. */
    public void reset(DomainObject dom, int flags) throws VirtException {
        noFlags(flags, "qemuDomainReset");
        dom.lock().lock();
        try {
            RunningDomain rd = active(dom, ErrorDomain.DOMAIN);
            monitor(rd).execute("system_reset", null);
        } finally {
            dom.lock().unlock();
        }
    }

    /** virDomainSuspend: {@code stop}; a paused domain stays paused without error. */
    public void suspend(DomainObject dom) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = active(dom, ErrorDomain.DOMAIN);
            if (dom.state() == DomainStates.PAUSED) {
                return;
            }
            monitor(rd).execute("stop", null);
            dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_USER);
            lifecycle.emit(dom, DomainStates.EVENT_SUSPENDED, DomainStates.SUSPENDED_PAUSED);
            lifecycle.writeStatus(rd);
        } finally {
            dom.lock().unlock();
        }
    }

    /** virDomainResume: {@code cont} on a paused domain. */
    public void resume(DomainObject dom) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = active(dom, ErrorDomain.DOMAIN);
            if (dom.state() == DomainStates.RUNNING) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is already running");
            }
            if (dom.state() != DomainStates.PAUSED) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not paused");
            }
            monitor(rd).execute("cont", null);
            dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_UNPAUSED);
            lifecycle.emit(dom, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_UNPAUSED);
            lifecycle.writeStatus(rd);
        } finally {
            dom.lock().unlock();
        }
    }

    /**
     * virDomainDestroyFlags: SIGTERM, SIGKILL after 10 s (GRACEFUL: SIGTERM only, give up after
     * 15 s); the domain ends shut off/destroyed with STOPPED DESTROYED.
     */
    public void destroy(DomainObject dom, int flags) throws VirtException {
        Checks.flags(flags, DESTROY_GRACEFUL | DESTROY_REMOVE_LOGS, "qemuDomainDestroyFlags", ErrorDomain.QEMU);
        dom.lock().lock();
        try {
            RunningDomain rd = active(dom, ErrorDomain.DOMAIN);
            rd.destroying = true;
            QemuProcess p = rd.process();
            boolean graceful = (flags & DESTROY_GRACEFUL) != 0;
            if (!p.terminate(graceful)) {
                rd.destroying = false;
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "Failed to terminate process "
                        + p.pid() + " with SIG" + (graceful ? "TERM" : "KILL") + ": Device or resource busy");
            }
            if (!rd.shutdownSeen) {
                // QEMU answers SIGTERM with SHUTDOWN (guest=false, host-signal) before it exits;
                // the event rules ignore it while destroying, so it is raised here, in its place
                lifecycle.emit(dom, DomainStates.EVENT_SHUTDOWN, DomainStates.SHUTDOWN_HOST);
            }
            lifecycle.stop(rd, DomainStates.SHUTOFF_DESTROYED, DomainStates.STOPPED_DESTROYED);
        } finally {
            dom.lock().unlock();
        }
    }

    /** The run of an active domain; OPERATION_INVALID "domain is not running" otherwise. */
    RunningDomain active(DomainObject dom, ErrorDomain domain) throws VirtException {
        RunningDomain rd = lifecycle.running(dom);
        if (rd == null || !dom.isActive() || rd.stopped) {
            throw notRunning(domain);
        }
        return rd;
    }

    static VirtException notRunning(ErrorDomain domain) {
        return new VirtException(ErrorCode.OPERATION_INVALID, domain, "domain is not running");
    }

    static QmpClient monitor(RunningDomain rd) {
        return rd.process().monitor();
    }

    static void noFlags(int flags, String function) throws VirtException {
        Checks.flags(flags, 0, function, ErrorDomain.QEMU);
    }
}
