package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK} body as the callback message carries it (reason first); the legacy message has the domain only, see {@link #LEGACY_CODEC}. */
public record PmSuspendDiskEvent(int reason, DomainRef domain) implements DomainEventBody {

    public static final XdrCodec<PmSuspendDiskEvent> CODEC = Struct.of(PmSuspendDiskEvent::new,
            Xdr.INT, PmSuspendDiskEvent::reason,
            DomainRef.CODEC, PmSuspendDiskEvent::domain);

    /** The legacy message body: the domain alone; decodes with reason 0. */
    public static final XdrCodec<PmSuspendDiskEvent> LEGACY_CODEC = DomainRef.CODEC.map(d -> new PmSuspendDiskEvent(0, d), PmSuspendDiskEvent::domain);
}
