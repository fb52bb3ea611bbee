package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_LIFECYCLE} body ({@code remote_domain_event_lifecycle_msg}): event and detail codes of procedures.md §4. */
public record LifecycleEvent(DomainRef domain, int event, int detail) implements DomainEventBody {

    public static final XdrCodec<LifecycleEvent> CODEC = Struct.of(LifecycleEvent::new,
            DomainRef.CODEC, LifecycleEvent::domain,
            Xdr.INT, LifecycleEvent::event,
            Xdr.INT, LifecycleEvent::detail);
}
