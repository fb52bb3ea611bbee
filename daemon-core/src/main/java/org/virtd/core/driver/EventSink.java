package org.virtd.core.driver;

import java.util.function.Consumer;

import org.virtd.rpc.remote.types.DomainEventBody;

/**
 * Where drivers raise events; the core's registry fans them out to every client callback
 * registered for them, in the order they were raised.
 */
public interface EventSink {

    void domainEvent(DomainEventBody event);

    /**
     * {@code observer} hears {@code true} when the first domain-event callback is registered
     * daemon-wide and {@code false} when the last one goes, so a driver that must look for
     * changes (by polling) does so only while someone listens. Called on the registering thread,
     * outside the sink's locks: the observer may take its own and raise events.
     */
    default void observeListeners(Consumer<Boolean> observer) {
    }
}
