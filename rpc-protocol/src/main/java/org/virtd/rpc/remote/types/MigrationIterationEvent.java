package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION} body. */
public record MigrationIterationEvent(DomainRef domain, int iteration) implements DomainEventBody {

    public static final XdrCodec<MigrationIterationEvent> CODEC = Struct.of(MigrationIterationEvent::new,
            DomainRef.CODEC, MigrationIterationEvent::domain,
            Xdr.INT, MigrationIterationEvent::iteration);
}
