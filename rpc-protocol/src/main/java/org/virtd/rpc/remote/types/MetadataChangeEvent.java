package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_METADATA_CHANGE} body: which metadata element changed. */
public record MetadataChangeEvent(DomainRef domain, int type, String nsuri) implements DomainEventBody {

    public static final XdrCodec<MetadataChangeEvent> CODEC = Struct.of(MetadataChangeEvent::new,
            DomainRef.CODEC, MetadataChangeEvent::domain,
            Xdr.INT, MetadataChangeEvent::type,
            Xdr.OPT_STRING, MetadataChangeEvent::nsuri);
}
