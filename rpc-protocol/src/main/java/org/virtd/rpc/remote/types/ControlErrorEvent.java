package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_CONTROL_ERROR} body. */
public record ControlErrorEvent(DomainRef domain) implements DomainEventBody {

    public static final XdrCodec<ControlErrorEvent> CODEC = Struct.of(ControlErrorEvent::new,
            DomainRef.CODEC, ControlErrorEvent::domain);
}
