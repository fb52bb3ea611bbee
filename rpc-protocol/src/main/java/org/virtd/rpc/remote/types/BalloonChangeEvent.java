package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE} body: the new balloon size in KiB. */
public record BalloonChangeEvent(DomainRef domain, long actual) implements DomainEventBody {

    public static final XdrCodec<BalloonChangeEvent> CODEC = Struct.of(BalloonChangeEvent::new,
            DomainRef.CODEC, BalloonChangeEvent::domain,
            Xdr.UHYPER, BalloonChangeEvent::actual);
}
