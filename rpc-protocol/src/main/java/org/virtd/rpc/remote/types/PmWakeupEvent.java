package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_PMWAKEUP} body as the callback message carries it (reason first); the legacy message has the domain only, see {@link #LEGACY_CODEC}. */
public record PmWakeupEvent(int reason, DomainRef domain) implements DomainEventBody {

    public static final XdrCodec<PmWakeupEvent> CODEC = Struct.of(PmWakeupEvent::new,
            Xdr.INT, PmWakeupEvent::reason,
            DomainRef.CODEC, PmWakeupEvent::domain);

    /** The legacy message body: the domain alone; decodes with reason 0. */
    public static final XdrCodec<PmWakeupEvent> LEGACY_CODEC = DomainRef.CODEC.map(d -> new PmWakeupEvent(0, d), PmWakeupEvent::domain);
}
