package org.virtd.qemu.lifecycle;

import org.virtd.conf.state.DomainStates;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.VirtException;

/**
 * Pausing a guest for a job that keeps the domain's lock throughout (save, dump) and resuming it
 * after: the state, reason and lifecycle event are set here, and QEMU's own STOP/RESUME events
 * for these commands, handled only once the lock is released, are marked as already accounted.
 */
final class JobPause {

    private JobPause() {
    }

    /** {@code stop} with the paused {@code reason}; SUSPENDED/PAUSED as libvirt raises. */
    static void pause(DomainLifecycle lifecycle, RunningDomain rd, int reason) throws VirtException {
        DomainObject dom = rd.domain();
        rd.ownStops.incrementAndGet();
        try {
            DomainControl.monitor(rd).execute("stop", null);
        } catch (VirtException e) {
            rd.ownStops.decrementAndGet();
            throw e;
        }
        dom.setState(DomainStates.PAUSED, reason);
        lifecycle.emit(dom, DomainStates.EVENT_SUSPENDED, DomainStates.SUSPENDED_PAUSED);
        lifecycle.writeStatus(rd);
    }

    /** {@code cont} with the running {@code reason}; RESUMED/UNPAUSED. */
    static void resume(DomainLifecycle lifecycle, RunningDomain rd, int reason) throws VirtException {
        DomainObject dom = rd.domain();
        rd.ownResumes.incrementAndGet();
        try {
            DomainControl.monitor(rd).execute("cont", null);
        } catch (VirtException e) {
            rd.ownResumes.decrementAndGet();
            throw e;
        }
        dom.setState(DomainStates.RUNNING, reason);
        lifecycle.emit(dom, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_UNPAUSED);
        lifecycle.writeStatus(rd);
    }
}
