package org.virtd.core.event;

import org.virtd.core.driver.EventSink;
import org.virtd.core.peer.Outbound;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.CallbackEvent;
import org.virtd.rpc.remote.types.DomainEventBody;
import org.virtd.rpc.remote.types.DomainEventKind;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Every client's event callbacks, daemon-wide (libvirt's remote dispatch callback lists). Callback
 * ids come from one counter shared by all connections and event kinds, as libvirtd 9.0 hands
 * them out. Drivers raise events through {@link EventSink}; each goes to the matching callbacks
 * in the order raised.
 */
public final class EventRegistry implements EventSink {

    private record Registration(Outbound session, int callbackId, int eventId, byte[] uuid, boolean legacy) {
        boolean matches(DomainRef dom) {
            return uuid == null || Arrays.equals(uuid, dom.uuid());
        }
    }

    private final AtomicInteger nextId = new AtomicInteger();
    private final List<Registration> domainCallbacks = new CopyOnWriteArrayList<>();
    private final int eventIdLimit;
    private final List<Consumer<Boolean>> listenerObservers = new CopyOnWriteArrayList<>();
    /** Serialises listener transitions and their announcements; never held while delivering events. */
    private final Object transitions = new Object();
    private boolean listening;

    /** @param eventIdLimit VIR_DOMAIN_EVENT_ID_LAST: ids at or above it are refused */
    public EventRegistry(int eventIdLimit) {
        this.eventIdLimit = eventIdLimit;
    }

    /** A callback id from the one counter every kind of callback draws from (drivers' own too). */
    public int newCallbackId() {
        return nextId.getAndIncrement();
    }

    /** CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (316): returns the new callback id. */
    public int register(Outbound session, int eventId, DomainRef filter) throws VirtException {
        checkEventId(eventId);
        int id = nextId.getAndIncrement();
        domainCallbacks.add(new Registration(session, id, eventId, filter != null ? filter.uuid() : null, false));
        announceListeners();
        return id;
    }

    /** CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY (317). */
    public void deregister(Outbound session, int callbackId) throws VirtException {
        if (!domainCallbacks.removeIf(r -> r.session == session && r.callbackId == callbackId && !r.legacy)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "domain event callback " + callbackId + " not registered");
        }
        announceListeners();
    }

    /** The legacy per-event-id registration (105 for lifecycle, 167): one per id and connection. */
    public void registerLegacy(Outbound session, int eventId) throws VirtException {
        checkEventId(eventId);
        for (Registration r : domainCallbacks) {
            if (r.session == session && r.eventId == eventId) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "event callback already tracked");
            }
        }
        domainCallbacks.add(new Registration(session, nextId.getAndIncrement(), eventId, null, true));
        announceListeners();
    }

    public void deregisterLegacy(Outbound session, int eventId) throws VirtException {
        if (!domainCallbacks.removeIf(r -> r.session == session && r.eventId == eventId && r.legacy)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "domain event " + eventId + " not registered");
        }
        announceListeners();
    }

    /** The client is gone: its callbacks go with it. */
    public void forget(Outbound session) {
        if (domainCallbacks.removeIf(r -> r.session == session)) {
            announceListeners();
        }
    }

    @Override
    public void observeListeners(Consumer<Boolean> observer) {
        listenerObservers.add(observer);
    }

    /** Tells the observers when callbacks appear where there were none, or the last one went. */
    private void announceListeners() {
        synchronized (transitions) {
            boolean now = !domainCallbacks.isEmpty();
            if (now != listening) {
                listening = now;
                for (Consumer<Boolean> o : listenerObservers) {
                    o.accept(now);
                }
            }
        }
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
                r.session.message(kind.legacyMessage(), body);
            }
        } else {
            r.session.message(kind.callbackMessage(), new CallbackEvent<>(r.callbackId, body));
        }
    }
}
