package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE} body. */
public record MemoryFailureEvent(DomainRef domain, int recipient, int action, int flags) implements DomainEventBody {

    public static final XdrCodec<MemoryFailureEvent> CODEC = Struct.of(MemoryFailureEvent::new,
            DomainRef.CODEC, MemoryFailureEvent::domain,
            Xdr.INT, MemoryFailureEvent::recipient,
            Xdr.INT, MemoryFailureEvent::action,
            Xdr.UINT, MemoryFailureEvent::flags);
}
