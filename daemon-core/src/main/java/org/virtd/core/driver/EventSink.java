package org.virtd.core.driver;

import org.virtd.rpc.remote.types.DomainEventBody;

/**
 * Where drivers raise events; the core's registry fans them out to every client callback
 * registered for them, in the order they were raised.
 */
public interface EventSink {

    void domainEvent(DomainEventBody event);
}
