package org.virtd.qemu.lifecycle;

import org.virtd.conf.state.DomainStates;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.VirtException;

/**
 * How a snapshot revert lets a freshly started (still stopped) QEMU begin: with the internal
 * state {@code loadvm} loaded, or booting when the snapshot holds no memory; then running or
 * paused. States and events are those libvirtd reports for a revert.
 */
record SnapshotStart(String loadvm, boolean run) {

    void begin(DomainLifecycle lifecycle, RunningDomain rd, QmpClient monitor) throws VirtException {
        DomainObject dom = rd.domain();
        if (loadvm != null) {
            SnapshotRuns.hmp(monitor, "loadvm \"" + loadvm + "\"", "Failed to restore snapshot");
            lifecycle.emit(dom, DomainStates.EVENT_STARTED, DomainStates.STARTED_FROM_SNAPSHOT);
            if (run) {
                monitor.execute("cont", null);
                dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_FROM_SNAPSHOT);
                lifecycle.emit(dom, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_FROM_SNAPSHOT);
            } else {
                dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_FROM_SNAPSHOT);
                lifecycle.emit(dom, DomainStates.EVENT_SUSPENDED, DomainStates.SUSPENDED_FROM_SNAPSHOT);
            }
        } else if (run) {
            monitor.execute("cont", null);
            dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_BOOTED);
            lifecycle.emit(dom, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_UNPAUSED);
            lifecycle.emit(dom, DomainStates.EVENT_STARTED, DomainStates.STARTED_FROM_SNAPSHOT);
        } else {
            dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_USER);
            lifecycle.emit(dom, DomainStates.EVENT_STARTED, DomainStates.STARTED_FROM_SNAPSHOT);
            lifecycle.emit(dom, DomainStates.EVENT_SUSPENDED, DomainStates.SUSPENDED_FROM_SNAPSHOT);
        }
    }
}
