package org.virtd.core.driver;

import org.virtd.rpc.remote.types.DomainEventBody;

/**
 * Where drivers raise events; the core's registry fans them out to every client callback
 * registered for them, in the order they were raised.
 */
public interface EventSink {

    void domainEvent(DomainEventBody event);

    /**
     * A QEMU monitor event (QEMU program proc 6) for callbacks registered with proc 4.
     *
     * @param details the event's JSON {@code data} member as text, or null
     */
    default void monitorEvent(org.virtd.rpc.remote.types.DomainRef domain, String event, long seconds, int micros,
                              String details) {
    }
}
