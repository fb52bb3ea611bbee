package org.virtd.qemu.lifecycle;

import org.virtd.qemu.qmp.QmpEvent;

/**
 * A mechanism outside the lifecycle that follows a run's QMP events (block jobs, say). Called on
 * the run's event thread with the domain's lock held, after the lifecycle's own rules, only for
 * the current run while it is not stopped.
 */
public interface RunEventHook {
    void onEvent(RunningDomain rd, QmpEvent event);

    /**
     * A run found alive at daemon start, under its domain's lock, before its status file is
     * written again: what the previous daemon kept of it is in {@link RunningDomain#recoveredStatus}.
     */
    default void onReattach(RunningDomain rd) {
    }
}
