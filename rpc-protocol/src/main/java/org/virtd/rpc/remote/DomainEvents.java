package org.virtd.rpc.remote;

import org.virtd.rpc.remote.types.DomainEventKind;

import java.util.List;

/**
 * The REMOTE program's domain event ids ({@code VIR_DOMAIN_EVENT_ID_*}, procedures.md §4) as the
 * daemon looks them up when a client registers: the kinds declared in {@link DomainEventKind},
 * in id order. Nothing is declared here.
 */
public final class DomainEvents {
    private DomainEvents() {
    }

    /** {@code VIR_DOMAIN_EVENT_ID_LAST} in 9.0: ids below it exist. */
    public static final int LAST = DomainEventKind.all().size();

    /** The kind with this event id, or null for an id libvirt 9.0 does not define. */
    public static DomainEventKind<?> kind(int eventId) {
        return DomainEventKind.of(eventId);
    }

    /** Every kind in event-id order. */
    public static List<DomainEventKind<?>> all() {
        return DomainEventKind.all();
    }
}
