package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_REBOOT} body. */
public record RebootEvent(DomainRef domain) implements DomainEventBody {

    public static final XdrCodec<RebootEvent> CODEC = Struct.of(RebootEvent::new,
            DomainRef.CODEC, RebootEvent::domain);
}
