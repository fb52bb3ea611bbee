package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2} body: like BLOCK_JOB but naming the disk target. */
public record BlockJob2Event(DomainRef domain, String dst, int type, int status) implements DomainEventBody {

    public static final XdrCodec<BlockJob2Event> CODEC = Struct.of(BlockJob2Event::new,
            DomainRef.CODEC, BlockJob2Event::domain,
            Xdr.STRING, BlockJob2Event::dst,
            Xdr.INT, BlockJob2Event::type,
            Xdr.INT, BlockJob2Event::status);
}
