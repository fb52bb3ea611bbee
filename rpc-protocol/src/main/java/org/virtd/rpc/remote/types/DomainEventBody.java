package org.virtd.rpc.remote.types;

/**
 * The body of one domain event as a driver raises it (a lifecycle change, a reboot...). Its
 * {@link #kind()} says how the event registry sends it: to callbacks registered with
 * CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (316) with the callback id first, and to legacy
 * registrations (105/167) without it (procedures.md §4).
 */
public interface DomainEventBody {

    /** The event this body belongs to, found from its declaration in {@link DomainEventKind}. */
    default DomainEventKind<?> kind() {
        return DomainEventKind.of(this);
    }

    /** The domain the event is about; the registry filters per-domain callbacks on its uuid. */
    DomainRef domain();
}
