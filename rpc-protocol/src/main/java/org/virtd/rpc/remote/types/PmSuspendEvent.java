package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_PMSUSPEND} body as the callback message carries it (reason first); the legacy message has the domain only, see {@link #LEGACY_CODEC}. */
public record PmSuspendEvent(int reason, DomainRef domain) implements DomainEventBody {

    public static final XdrCodec<PmSuspendEvent> CODEC = Struct.of(PmSuspendEvent::new,
            Xdr.INT, PmSuspendEvent::reason,
            DomainRef.CODEC, PmSuspendEvent::domain);

    /** The legacy message body: the domain alone; decodes with reason 0. */
    public static final XdrCodec<PmSuspendEvent> LEGACY_CODEC = DomainRef.CODEC.map(d -> new PmSuspendEvent(0, d), PmSuspendEvent::domain);
}
