package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code VIR_DOMAIN_EVENT_ID_TUNABLE} body: the changed tunables. */
public record TunableEvent(DomainRef domain, List<TypedParam> params) implements DomainEventBody {

    public static final XdrCodec<TunableEvent> CODEC = Struct.of(TunableEvent::new,
            DomainRef.CODEC, TunableEvent::domain,
            TypedParam.list(Limits.DOMAIN_EVENT_TUNABLE_MAX), TunableEvent::params);
}
