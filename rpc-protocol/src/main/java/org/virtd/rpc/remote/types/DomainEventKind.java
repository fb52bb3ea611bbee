package org.virtd.rpc.remote.types;

import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The domain events of libvirt 9.0 ({@code VIR_DOMAIN_EVENT_ID_*}, procedures.md §4), each
 * declared once here: its id, its body type, the MESSAGE procedure that carries it to callbacks
 * registered with CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (316; the callback id, then the
 * body) and the legacy one for registrations made with 105/167 (the body alone; none for events
 * newer than that path). libvirt spreads the same facts over the .x enum, the message structs and
 * the relay table of remote_daemon_dispatch.c; here everything else is derived: the REMOTE
 * table takes its event messages from {@link #messages()}, and a body finds its kind by its
 * class ({@link DomainEventBody#kind()}).
 *
 * <p>The declarations name their procedures without seeing the REMOTE program class, so this
 * package does not depend on the program that uses its types.
 *
 * @param <B> the event body
 */
public final class DomainEventKind<B extends DomainEventBody> {

    /** Where the messages are declared; {@code RemoteProgram} includes them in its table. */
    private static final Program.Builder REMOTE =
            Program.builder(RemoteProtocol.PROGRAM, RemoteProtocol.VERSION, RemoteProtocol.NAME);
    private static final List<DomainEventKind<?>> BY_ID = new ArrayList<>();
    private static final Map<Class<?>, DomainEventKind<?>> BY_BODY = new HashMap<>();

    public static final DomainEventKind<LifecycleEvent> LIFECYCLE = event(0, LifecycleEvent.class)
            .legacy(107, "DOMAIN_EVENT_LIFECYCLE").callback(318, "DOMAIN_EVENT_CALLBACK_LIFECYCLE");
    public static final DomainEventKind<RebootEvent> REBOOT = event(1, RebootEvent.class)
            .legacy(169, "DOMAIN_EVENT_REBOOT").callback(319, "DOMAIN_EVENT_CALLBACK_REBOOT");
    public static final DomainEventKind<RtcChangeEvent> RTC_CHANGE = event(2, RtcChangeEvent.class)
            .legacy(170, "DOMAIN_EVENT_RTC_CHANGE").callback(320, "DOMAIN_EVENT_CALLBACK_RTC_CHANGE");
    public static final DomainEventKind<WatchdogEvent> WATCHDOG = event(3, WatchdogEvent.class)
            .legacy(171, "DOMAIN_EVENT_WATCHDOG").callback(321, "DOMAIN_EVENT_CALLBACK_WATCHDOG");
    public static final DomainEventKind<IoErrorEvent> IO_ERROR = event(4, IoErrorEvent.class)
            .legacy(172, "DOMAIN_EVENT_IO_ERROR").callback(322, "DOMAIN_EVENT_CALLBACK_IO_ERROR");
    public static final DomainEventKind<GraphicsEvent> GRAPHICS = event(5, GraphicsEvent.class)
            .legacy(173, "DOMAIN_EVENT_GRAPHICS").callback(323, "DOMAIN_EVENT_CALLBACK_GRAPHICS");
    public static final DomainEventKind<IoErrorReasonEvent> IO_ERROR_REASON = event(6, IoErrorReasonEvent.class)
            .legacy(195, "DOMAIN_EVENT_IO_ERROR_REASON").callback(324, "DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON");
    public static final DomainEventKind<ControlErrorEvent> CONTROL_ERROR = event(7, ControlErrorEvent.class)
            .legacy(224, "DOMAIN_EVENT_CONTROL_ERROR").callback(325, "DOMAIN_EVENT_CALLBACK_CONTROL_ERROR");
    public static final DomainEventKind<BlockJobEvent> BLOCK_JOB = event(8, BlockJobEvent.class)
            .legacy(241, "DOMAIN_EVENT_BLOCK_JOB").callback(326, "DOMAIN_EVENT_CALLBACK_BLOCK_JOB");
    public static final DomainEventKind<DiskChangeEvent> DISK_CHANGE = event(9, DiskChangeEvent.class)
            .legacy(248, "DOMAIN_EVENT_DISK_CHANGE").callback(327, "DOMAIN_EVENT_CALLBACK_DISK_CHANGE");
    public static final DomainEventKind<TrayChangeEvent> TRAY_CHANGE = event(10, TrayChangeEvent.class)
            .legacy(268, "DOMAIN_EVENT_TRAY_CHANGE").callback(328, "DOMAIN_EVENT_CALLBACK_TRAY_CHANGE");
    /** The legacy PM messages carry no reason: the domain alone. */
    public static final DomainEventKind<PmWakeupEvent> PMWAKEUP = event(11, PmWakeupEvent.class)
            .legacy(269, "DOMAIN_EVENT_PMWAKEUP", PmWakeupEvent.LEGACY_CODEC)
            .callback(329, "DOMAIN_EVENT_CALLBACK_PMWAKEUP");
    public static final DomainEventKind<PmSuspendEvent> PMSUSPEND = event(12, PmSuspendEvent.class)
            .legacy(270, "DOMAIN_EVENT_PMSUSPEND", PmSuspendEvent.LEGACY_CODEC)
            .callback(330, "DOMAIN_EVENT_CALLBACK_PMSUSPEND");
    public static final DomainEventKind<BalloonChangeEvent> BALLOON_CHANGE = event(13, BalloonChangeEvent.class)
            .legacy(276, "DOMAIN_EVENT_BALLOON_CHANGE").callback(331, "DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE");
    public static final DomainEventKind<PmSuspendDiskEvent> PMSUSPEND_DISK = event(14, PmSuspendDiskEvent.class)
            .legacy(292, "DOMAIN_EVENT_PMSUSPEND_DISK", PmSuspendDiskEvent.LEGACY_CODEC)
            .callback(332, "DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK");
    public static final DomainEventKind<DeviceRemovedEvent> DEVICE_REMOVED = event(15, DeviceRemovedEvent.class)
            .legacy(311, "DOMAIN_EVENT_DEVICE_REMOVED").callback(333, "DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED");
    // From here on libvirt has no legacy message, and some callback messages lack "CALLBACK_".
    public static final DomainEventKind<BlockJob2Event> BLOCK_JOB_2 = event(16, BlockJob2Event.class)
            .callback(339, "DOMAIN_EVENT_BLOCK_JOB_2");
    public static final DomainEventKind<TunableEvent> TUNABLE = event(17, TunableEvent.class)
            .callback(346, "DOMAIN_EVENT_CALLBACK_TUNABLE");
    public static final DomainEventKind<AgentLifecycleEvent> AGENT_LIFECYCLE = event(18, AgentLifecycleEvent.class)
            .callback(348, "DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE");
    public static final DomainEventKind<DeviceAddedEvent> DEVICE_ADDED = event(19, DeviceAddedEvent.class)
            .callback(354, "DOMAIN_EVENT_CALLBACK_DEVICE_ADDED");
    public static final DomainEventKind<MigrationIterationEvent> MIGRATION_ITERATION =
            event(20, MigrationIterationEvent.class).callback(359, "DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION");
    public static final DomainEventKind<JobCompletedEvent> JOB_COMPLETED = event(21, JobCompletedEvent.class)
            .callback(363, "DOMAIN_EVENT_CALLBACK_JOB_COMPLETED");
    public static final DomainEventKind<DeviceRemovalFailedEvent> DEVICE_REMOVAL_FAILED =
            event(22, DeviceRemovalFailedEvent.class).callback(367, "DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED");
    public static final DomainEventKind<MetadataChangeEvent> METADATA_CHANGE = event(23, MetadataChangeEvent.class)
            .callback(379, "DOMAIN_EVENT_CALLBACK_METADATA_CHANGE");
    public static final DomainEventKind<BlockThresholdEvent> BLOCK_THRESHOLD = event(24, BlockThresholdEvent.class)
            .callback(385, "DOMAIN_EVENT_BLOCK_THRESHOLD");
    public static final DomainEventKind<MemoryFailureEvent> MEMORY_FAILURE = event(25, MemoryFailureEvent.class)
            .callback(423, "DOMAIN_EVENT_MEMORY_FAILURE");
    public static final DomainEventKind<MemoryDeviceSizeChangeEvent> MEMORY_DEVICE_SIZE_CHANGE =
            event(26, MemoryDeviceSizeChangeEvent.class).callback(438, "DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE");

    private static final List<DomainEventKind<?>> ALL = Collections.unmodifiableList(BY_ID);

    private final int eventId;
    private final Class<B> body;
    private final Procedure<CallbackEvent<B>, Void> callbackMessage;
    private final Procedure<B, Void> legacyMessage;

    private DomainEventKind(int eventId, Class<B> body, Procedure<CallbackEvent<B>, Void> callbackMessage,
                            Procedure<B, Void> legacyMessage) {
        this.eventId = eventId;
        this.body = body;
        this.callbackMessage = callbackMessage;
        this.legacyMessage = legacyMessage;
    }

    /** {@code VIR_DOMAIN_EVENT_ID_*}. */
    public int eventId() {
        return eventId;
    }

    /** The record the event's body decodes into. */
    public Class<B> body() {
        return body;
    }

    /** The message for callbacks registered with 316: {@code int callbackID} followed by the body. */
    public Procedure<CallbackEvent<B>, Void> callbackMessage() {
        return callbackMessage;
    }

    /** The message for legacy registrations (105/167), or null where libvirt has none. */
    public Procedure<B, Void> legacyMessage() {
        return legacyMessage;
    }

    /** Every kind in event-id order: ids 0 to {@code all().size() - 1} exist ({@code VIR_DOMAIN_EVENT_ID_LAST}). */
    public static List<DomainEventKind<?>> all() {
        return ALL;
    }

    /** The kind with this event id, or null for an id libvirt 9.0 does not define. */
    public static DomainEventKind<?> of(int eventId) {
        return eventId >= 0 && eventId < ALL.size() ? ALL.get(eventId) : null;
    }

    /** The kind whose body is {@code body}'s class. */
    static DomainEventKind<?> of(DomainEventBody body) {
        DomainEventKind<?> kind = BY_BODY.get(body.getClass());
        if (kind == null) {
            throw new IllegalStateException(body.getClass().getName() + " is not a declared domain event body");
        }
        return kind;
    }

    /** Every event MESSAGE procedure, callback and legacy, for the REMOTE program table. */
    public static List<Procedure<?, ?>> messages() {
        List<Procedure<?, ?>> messages = new ArrayList<>();
        for (DomainEventKind<?> k : ALL) {
            messages.add(k.callbackMessage);
            if (k.legacyMessage != null) {
                messages.add(k.legacyMessage);
            }
        }
        return messages;
    }

    @Override
    public String toString() {
        return "domain event " + eventId + " (" + callbackMessage.name() + ")";
    }

    private static <B extends DomainEventBody> Declaration<B> event(int eventId, Class<B> body) {
        return new Declaration<>(eventId, body);
    }

    /** One event being declared: an optional legacy message, then the callback message that completes it. */
    private static final class Declaration<B extends DomainEventBody> {
        private final int eventId;
        private final Class<B> body;
        private Procedure<B, Void> legacy;

        Declaration(int eventId, Class<B> body) {
            this.eventId = eventId;
            this.body = body;
        }

        /** A legacy message whose body is the event body's own codec. */
        Declaration<B> legacy(int number, String wireName) {
            return legacy(number, wireName, Xdr.lazy(body));
        }

        Declaration<B> legacy(int number, String wireName, XdrCodec<B> codec) {
            this.legacy = REMOTE.message(number, wireName, codec).add();
            return this;
        }

        DomainEventKind<B> callback(int number, String wireName) {
            Procedure<CallbackEvent<B>, Void> callback =
                    REMOTE.message(number, wireName, CallbackEvent.codec(body)).add();
            DomainEventKind<B> kind = new DomainEventKind<>(eventId, body, callback, legacy);
            // ids are dense and declared in order: the list index is the event id
            if (eventId != BY_ID.size() || BY_BODY.put(body, kind) != null) {
                throw new IllegalStateException("domain event " + eventId + " declared out of order or twice");
            }
            BY_ID.add(kind);
            return kind;
        }
    }
}
