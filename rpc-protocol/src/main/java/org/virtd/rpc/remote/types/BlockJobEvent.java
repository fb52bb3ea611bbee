package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_BLOCK_JOB} body: the disk path, job type and status. */
public record BlockJobEvent(DomainRef domain, String path, int type, int status) implements DomainEventBody {

    public static final XdrCodec<BlockJobEvent> CODEC = Struct.of(BlockJobEvent::new,
            DomainRef.CODEC, BlockJobEvent::domain,
            Xdr.STRING, BlockJobEvent::path,
            Xdr.INT, BlockJobEvent::type,
            Xdr.INT, BlockJobEvent::status);
}
