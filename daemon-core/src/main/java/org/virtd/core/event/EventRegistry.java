package org.virtd.core.event;

import org.virtd.core.driver.EventSink;
import org.virtd.core.peer.Outbound;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.remote.types.CallbackEvent;
import org.virtd.rpc.remote.types.DomainEventBody;
import org.virtd.rpc.remote.types.DomainEventKind;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every client's event callbacks, daemon-wide (libvirt's remote dispatch callback lists). Callback
 * ids come from one counter shared by all connections and event kinds, as libvirtd 9.0 hands
 * them out. Drivers raise events through {@link EventSink}; each goes to the matching callbacks
 * in the order raised.
 */
public final class EventRegistry implements EventSink {

    /** libvirtd 9.0 sends events with serial 1. */
    private static final int EVENT_SERIAL = 1;

    private record Registration(Outbound session, int callbackId, int eventId, byte[] uuid, boolean legacy,
                                MonitorFilter monitor) {
        boolean matches(DomainRef dom) {
            return uuid == null || Arrays.equals(uuid, dom.uuid());
        }
    }

    private final AtomicInteger nextId = new AtomicInteger();
    private final List<Registration> domainCallbacks = new CopyOnWriteArrayList<>();
    private final List<Registration> monitorCallbacks = new CopyOnWriteArrayList<>();
    private final int eventIdLimit;
    private final MonitorEventMessage monitorMessage;

    /**
     * @param eventIdLimit   VIR_DOMAIN_EVENT_ID_LAST: ids at or above it are refused
     * @param monitorMessage how QEMU monitor events are framed (QEMU program proc 6), or null
     */
    public EventRegistry(int eventIdLimit, MonitorEventMessage monitorMessage) {
        this.eventIdLimit = eventIdLimit;
        this.monitorMessage = monitorMessage;
    }

    /** CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (316): returns the new callback id. */
    public int register(Outbound session, int eventId, DomainRef filter) throws VirtException {
        checkEventId(eventId);
        int id = nextId.getAndIncrement();
        domainCallbacks.add(new Registration(session, id, eventId, filter != null ? filter.uuid() : null, false, null));
        return id;
    }

    /** CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY (317). */
    public void deregister(Outbound session, int callbackId) throws VirtException {
        if (!domainCallbacks.removeIf(r -> r.session == session && r.callbackId == callbackId && !r.legacy)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "domain event callback " + callbackId + " not registered");
        }
    }

    /** The legacy per-event-id registration (105 for lifecycle, 167): one per id and connection. */
    public void registerLegacy(Outbound session, int eventId) throws VirtException {
        checkEventId(eventId);
        for (Registration r : domainCallbacks) {
            if (r.session == session && r.eventId == eventId) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "event callback already tracked");
            }
        }
        domainCallbacks.add(new Registration(session, nextId.getAndIncrement(), eventId, null, true, null));
    }

    public void deregisterLegacy(Outbound session, int eventId) throws VirtException {
        if (!domainCallbacks.removeIf(r -> r.session == session && r.eventId == eventId && r.legacy)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "domain event " + eventId + " not registered");
        }
    }

    /** QEMU program proc 4: monitor events, optionally for one domain and one event name. */
    public int registerMonitor(Outbound session, DomainRef filter, MonitorFilter events) {
        int id = nextId.getAndIncrement();
        monitorCallbacks.add(new Registration(session, id, -1, filter != null ? filter.uuid() : null, false, events));
        return id;
    }

    public void deregisterMonitor(Outbound session, int callbackId) throws VirtException {
        if (!monitorCallbacks.removeIf(r -> r.session == session && r.callbackId == callbackId)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                    "qemu monitor event callback " + callbackId + " not registered");
        }
    }

    /** The client is gone: its callbacks go with it. */
    public void forget(Outbound session) {
        domainCallbacks.removeIf(r -> r.session == session);
        monitorCallbacks.removeIf(r -> r.session == session);
    }

    private void checkEventId(int eventId) throws VirtException {
        if (eventId < 0 || eventId >= eventIdLimit) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "unsupported event ID " + eventId);
        }
    }

    @Override
    public synchronized void domainEvent(DomainEventBody event) {
        DomainEventKind<?> kind = event.kind();
        for (Registration r : domainCallbacks) {
            if (r.eventId == kind.eventId() && r.matches(event.domain()) && !r.session.isClosed()) {
                deliver(r, kind, event);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <B extends DomainEventBody> void deliver(Registration r, DomainEventKind<B> kind, DomainEventBody event) {
        B body = (B) event;
        if (r.legacy) {
            if (kind.legacyMessage() != null) {
                send(r.session, kind.legacyMessage(), body);
            }
        } else {
            send(r.session, kind.callbackMessage(), new CallbackEvent<>(r.callbackId, body));
        }
    }

    private static <M> void send(Outbound session, Procedure<M, Void> message, M body) {
        session.send(Header.of(message.program(), message.version(), message.number(), MessageType.MESSAGE,
                EVENT_SERIAL, MessageStatus.OK), message.args(), body);
    }

    @Override
    public synchronized void monitorEvent(DomainRef domain, String event, long seconds, int micros, String details) {
        if (monitorMessage == null) {
            return;
        }
        for (Registration r : monitorCallbacks) {
            if (r.matches(domain) && r.monitor.accepts(event) && !r.session.isClosed()) {
                monitorMessage.send(r.session, r.callbackId, domain, event, seconds, micros, details);
            }
        }
    }

    /** Frames one monitor event for one callback; supplied by whoever declares the QEMU program. */
    @FunctionalInterface
    public interface MonitorEventMessage {
        void send(Outbound session, int callbackId, DomainRef domain, String event, long seconds, int micros,
                  String details);
    }
}
