package org.virtd.rpc.remote;

import org.virtd.rpc.remote.types.AgentLifecycleEvent;
import org.virtd.rpc.remote.types.BalloonChangeEvent;
import org.virtd.rpc.remote.types.BlockJob2Event;
import org.virtd.rpc.remote.types.BlockJobEvent;
import org.virtd.rpc.remote.types.BlockThresholdEvent;
import org.virtd.rpc.remote.types.ControlErrorEvent;
import org.virtd.rpc.remote.types.DeviceAddedEvent;
import org.virtd.rpc.remote.types.DeviceRemovalFailedEvent;
import org.virtd.rpc.remote.types.DeviceRemovedEvent;
import org.virtd.rpc.remote.types.DiskChangeEvent;
import org.virtd.rpc.remote.types.GraphicsEvent;
import org.virtd.rpc.remote.types.IoErrorEvent;
import org.virtd.rpc.remote.types.IoErrorReasonEvent;
import org.virtd.rpc.remote.types.JobCompletedEvent;
import org.virtd.rpc.remote.types.LifecycleEvent;
import org.virtd.rpc.remote.types.MemoryDeviceSizeChangeEvent;
import org.virtd.rpc.remote.types.MemoryFailureEvent;
import org.virtd.rpc.remote.types.MetadataChangeEvent;
import org.virtd.rpc.remote.types.MigrationIterationEvent;
import org.virtd.rpc.remote.types.PmSuspendDiskEvent;
import org.virtd.rpc.remote.types.PmSuspendEvent;
import org.virtd.rpc.remote.types.PmWakeupEvent;
import org.virtd.rpc.remote.types.RebootEvent;
import org.virtd.rpc.remote.types.RtcChangeEvent;
import org.virtd.rpc.remote.types.TrayChangeEvent;
import org.virtd.rpc.remote.types.TunableEvent;
import org.virtd.rpc.remote.types.WatchdogEvent;
import org.virtd.rpc.remote.types.DomainEventKind;

import java.util.List;

/**
 * The domain event kinds of libvirt 9.0 ({@code VIR_DOMAIN_EVENT_ID_*}, procedures.md §4):
 * one {@link DomainEventKind} per event id, naming the MESSAGE procedure that carries it to
 * callbacks registered with CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (316) and the legacy one
 * for registrations made with 105/167 (null for events newer than the legacy path).
 */
public final class DomainEvents {
    private DomainEvents() {
    }

    /** {@code VIR_DOMAIN_EVENT_ID_LIFECYCLE} = 0. */
    public static final DomainEventKind<LifecycleEvent> LIFECYCLE =
            new DomainEventKind<>(0, RemoteProgram.DOMAIN_EVENT_CALLBACK_LIFECYCLE, RemoteProgram.DOMAIN_EVENT_LIFECYCLE);
    /** {@code VIR_DOMAIN_EVENT_ID_REBOOT} = 1. */
    public static final DomainEventKind<RebootEvent> REBOOT =
            new DomainEventKind<>(1, RemoteProgram.DOMAIN_EVENT_CALLBACK_REBOOT, RemoteProgram.DOMAIN_EVENT_REBOOT);
    /** {@code VIR_DOMAIN_EVENT_ID_RTC_CHANGE} = 2. */
    public static final DomainEventKind<RtcChangeEvent> RTC_CHANGE =
            new DomainEventKind<>(2, RemoteProgram.DOMAIN_EVENT_CALLBACK_RTC_CHANGE, RemoteProgram.DOMAIN_EVENT_RTC_CHANGE);
    /** {@code VIR_DOMAIN_EVENT_ID_WATCHDOG} = 3. */
    public static final DomainEventKind<WatchdogEvent> WATCHDOG =
            new DomainEventKind<>(3, RemoteProgram.DOMAIN_EVENT_CALLBACK_WATCHDOG, RemoteProgram.DOMAIN_EVENT_WATCHDOG);
    /** {@code VIR_DOMAIN_EVENT_ID_IO_ERROR} = 4. */
    public static final DomainEventKind<IoErrorEvent> IO_ERROR =
            new DomainEventKind<>(4, RemoteProgram.DOMAIN_EVENT_CALLBACK_IO_ERROR, RemoteProgram.DOMAIN_EVENT_IO_ERROR);
    /** {@code VIR_DOMAIN_EVENT_ID_GRAPHICS} = 5. */
    public static final DomainEventKind<GraphicsEvent> GRAPHICS =
            new DomainEventKind<>(5, RemoteProgram.DOMAIN_EVENT_CALLBACK_GRAPHICS, RemoteProgram.DOMAIN_EVENT_GRAPHICS);
    /** {@code VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON} = 6. */
    public static final DomainEventKind<IoErrorReasonEvent> IO_ERROR_REASON =
            new DomainEventKind<>(6, RemoteProgram.DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON, RemoteProgram.DOMAIN_EVENT_IO_ERROR_REASON);
    /** {@code VIR_DOMAIN_EVENT_ID_CONTROL_ERROR} = 7. */
    public static final DomainEventKind<ControlErrorEvent> CONTROL_ERROR =
            new DomainEventKind<>(7, RemoteProgram.DOMAIN_EVENT_CALLBACK_CONTROL_ERROR, RemoteProgram.DOMAIN_EVENT_CONTROL_ERROR);
    /** {@code VIR_DOMAIN_EVENT_ID_BLOCK_JOB} = 8. */
    public static final DomainEventKind<BlockJobEvent> BLOCK_JOB =
            new DomainEventKind<>(8, RemoteProgram.DOMAIN_EVENT_CALLBACK_BLOCK_JOB, RemoteProgram.DOMAIN_EVENT_BLOCK_JOB);
    /** {@code VIR_DOMAIN_EVENT_ID_DISK_CHANGE} = 9. */
    public static final DomainEventKind<DiskChangeEvent> DISK_CHANGE =
            new DomainEventKind<>(9, RemoteProgram.DOMAIN_EVENT_CALLBACK_DISK_CHANGE, RemoteProgram.DOMAIN_EVENT_DISK_CHANGE);
    /** {@code VIR_DOMAIN_EVENT_ID_TRAY_CHANGE} = 10. */
    public static final DomainEventKind<TrayChangeEvent> TRAY_CHANGE =
            new DomainEventKind<>(10, RemoteProgram.DOMAIN_EVENT_CALLBACK_TRAY_CHANGE, RemoteProgram.DOMAIN_EVENT_TRAY_CHANGE);
    /** {@code VIR_DOMAIN_EVENT_ID_PMWAKEUP} = 11. */
    public static final DomainEventKind<PmWakeupEvent> PMWAKEUP =
            new DomainEventKind<>(11, RemoteProgram.DOMAIN_EVENT_CALLBACK_PMWAKEUP, RemoteProgram.DOMAIN_EVENT_PMWAKEUP);
    /** {@code VIR_DOMAIN_EVENT_ID_PMSUSPEND} = 12. */
    public static final DomainEventKind<PmSuspendEvent> PMSUSPEND =
            new DomainEventKind<>(12, RemoteProgram.DOMAIN_EVENT_CALLBACK_PMSUSPEND, RemoteProgram.DOMAIN_EVENT_PMSUSPEND);
    /** {@code VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE} = 13. */
    public static final DomainEventKind<BalloonChangeEvent> BALLOON_CHANGE =
            new DomainEventKind<>(13, RemoteProgram.DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE, RemoteProgram.DOMAIN_EVENT_BALLOON_CHANGE);
    /** {@code VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK} = 14. */
    public static final DomainEventKind<PmSuspendDiskEvent> PMSUSPEND_DISK =
            new DomainEventKind<>(14, RemoteProgram.DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK, RemoteProgram.DOMAIN_EVENT_PMSUSPEND_DISK);
    /** {@code VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED} = 15. */
    public static final DomainEventKind<DeviceRemovedEvent> DEVICE_REMOVED =
            new DomainEventKind<>(15, RemoteProgram.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED, RemoteProgram.DOMAIN_EVENT_DEVICE_REMOVED);
    /** {@code VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2} = 16. */
    public static final DomainEventKind<BlockJob2Event> BLOCK_JOB_2 =
            new DomainEventKind<>(16, RemoteProgram.DOMAIN_EVENT_BLOCK_JOB_2, null);
    /** {@code VIR_DOMAIN_EVENT_ID_TUNABLE} = 17. */
    public static final DomainEventKind<TunableEvent> TUNABLE =
            new DomainEventKind<>(17, RemoteProgram.DOMAIN_EVENT_CALLBACK_TUNABLE, null);
    /** {@code VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE} = 18. */
    public static final DomainEventKind<AgentLifecycleEvent> AGENT_LIFECYCLE =
            new DomainEventKind<>(18, RemoteProgram.DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE, null);
    /** {@code VIR_DOMAIN_EVENT_ID_DEVICE_ADDED} = 19. */
    public static final DomainEventKind<DeviceAddedEvent> DEVICE_ADDED =
            new DomainEventKind<>(19, RemoteProgram.DOMAIN_EVENT_CALLBACK_DEVICE_ADDED, null);
    /** {@code VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION} = 20. */
    public static final DomainEventKind<MigrationIterationEvent> MIGRATION_ITERATION =
            new DomainEventKind<>(20, RemoteProgram.DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION, null);
    /** {@code VIR_DOMAIN_EVENT_ID_JOB_COMPLETED} = 21. */
    public static final DomainEventKind<JobCompletedEvent> JOB_COMPLETED =
            new DomainEventKind<>(21, RemoteProgram.DOMAIN_EVENT_CALLBACK_JOB_COMPLETED, null);
    /** {@code VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED} = 22. */
    public static final DomainEventKind<DeviceRemovalFailedEvent> DEVICE_REMOVAL_FAILED =
            new DomainEventKind<>(22, RemoteProgram.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED, null);
    /** {@code VIR_DOMAIN_EVENT_ID_METADATA_CHANGE} = 23. */
    public static final DomainEventKind<MetadataChangeEvent> METADATA_CHANGE =
            new DomainEventKind<>(23, RemoteProgram.DOMAIN_EVENT_CALLBACK_METADATA_CHANGE, null);
    /** {@code VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD} = 24. */
    public static final DomainEventKind<BlockThresholdEvent> BLOCK_THRESHOLD =
            new DomainEventKind<>(24, RemoteProgram.DOMAIN_EVENT_BLOCK_THRESHOLD, null);
    /** {@code VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE} = 25. */
    public static final DomainEventKind<MemoryFailureEvent> MEMORY_FAILURE =
            new DomainEventKind<>(25, RemoteProgram.DOMAIN_EVENT_MEMORY_FAILURE, null);
    /** {@code VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE} = 26. */
    public static final DomainEventKind<MemoryDeviceSizeChangeEvent> MEMORY_DEVICE_SIZE_CHANGE =
            new DomainEventKind<>(26, RemoteProgram.DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE, null);

    /** {@code VIR_DOMAIN_EVENT_ID_LAST} in 9.0: ids 0..26 exist. */
    public static final int LAST = 27;

    private static final List<DomainEventKind<?>> BY_ID = List.of(
            LIFECYCLE,
            REBOOT,
            RTC_CHANGE,
            WATCHDOG,
            IO_ERROR,
            GRAPHICS,
            IO_ERROR_REASON,
            CONTROL_ERROR,
            BLOCK_JOB,
            DISK_CHANGE,
            TRAY_CHANGE,
            PMWAKEUP,
            PMSUSPEND,
            BALLOON_CHANGE,
            PMSUSPEND_DISK,
            DEVICE_REMOVED,
            BLOCK_JOB_2,
            TUNABLE,
            AGENT_LIFECYCLE,
            DEVICE_ADDED,
            MIGRATION_ITERATION,
            JOB_COMPLETED,
            DEVICE_REMOVAL_FAILED,
            METADATA_CHANGE,
            BLOCK_THRESHOLD,
            MEMORY_FAILURE,
            MEMORY_DEVICE_SIZE_CHANGE);

    /** The kind with this event id, or null for an id libvirt 9.0 does not define. */
    public static DomainEventKind<?> kind(int eventId) {
        return eventId >= 0 && eventId < BY_ID.size() ? BY_ID.get(eventId) : null;
    }

    /** Every kind in event-id order. */
    public static List<DomainEventKind<?>> all() {
        return BY_ID;
    }
}
