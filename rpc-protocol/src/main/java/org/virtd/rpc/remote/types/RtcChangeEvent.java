package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_RTC_CHANGE} body: the guest clock offset in seconds. */
public record RtcChangeEvent(DomainRef domain, long offset) implements DomainEventBody {

    public static final XdrCodec<RtcChangeEvent> CODEC = Struct.of(RtcChangeEvent::new,
            DomainRef.CODEC, RtcChangeEvent::domain,
            Xdr.HYPER, RtcChangeEvent::offset);
}
