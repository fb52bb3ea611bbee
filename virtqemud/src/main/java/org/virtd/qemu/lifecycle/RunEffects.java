package org.virtd.qemu.lifecycle;

import org.virtd.qemu.agent.AgentClient;
import org.virtd.qemu.qmp.QmpEvent;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.DomainEventBody;

/**
 * What the QMP event rules ({@link QmpEventRules}) ask of one run of a domain's QEMU, so the rules
 * decide and this carries out: raise events to client callbacks, rewrite the status file, send the
 * fake reboot's monitor commands, signal QEMU, and end the run with a shut-off reason (libvirt's
 * qemuProcessStop). {@link MonitorEvents} is the implementation bound to a real QEMU.
 */
interface RunEffects {

    /**
     * on_crash='coredump-*': the guest's memory written to qemu.conf's auto_dump_path; false (the
     * run left as it is, crashed) when the dump failed.
     */
    default boolean crashDump() {
        return false;
    }

    /** True while this run is the domain's current one (events of an older run are dropped). */
    boolean isCurrent();

    /** QEMU deleted the device {@code alias} (a detach the guest completed late, or one of its own). */
    default void deviceDeleted(String alias) {
    }

    /** Passes a QMP event on to QEMU monitor event callbacks (QEMU program proc 6). */
    void monitorEvent(QmpEvent event);

    /** Raises a domain event (lifecycle, reboot, balloon change) to every registered callback. */
    void domainEvent(DomainEventBody event);

    /** The domain's state or flags changed: rewrite the status file. */
    void statusChanged();

    /** libvirt's fake reboot on the monitor: {@code system_reset}, then {@code cont}. */
    void resetAndContinue() throws VirtException;

    /** SIGTERM (SIGKILL after the usual bound) in the background; the monitor EOF follows. */
    void terminate();

    /** Terminates QEMU in the background, then stops the run with {@code reason}/{@code stoppedDetail}. */
    void terminateThenStop(int reason, int stoppedDetail);

    /** A virtio port opened or closed in the guest (VSERPORT_CHANGE): channel state, agent link. */
    void portChanged(String alias, boolean open);

    /** QEMU raised an event a guest agent command may be waiting for (guest-shutdown). */
    void agentEvent(AgentClient.Await event);

    /** Stops the run now: shut off with {@code reason}, STOPPED event with {@code stoppedDetail}. */
    void stop(int reason, int stoppedDetail);
}
