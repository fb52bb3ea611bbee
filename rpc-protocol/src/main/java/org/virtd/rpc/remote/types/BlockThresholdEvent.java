package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD} body. */
public record BlockThresholdEvent(DomainRef domain, String dev, String path, long threshold, long excess) implements DomainEventBody {

    public static final XdrCodec<BlockThresholdEvent> CODEC = Struct.of(BlockThresholdEvent::new,
            DomainRef.CODEC, BlockThresholdEvent::domain,
            Xdr.STRING, BlockThresholdEvent::dev,
            Xdr.OPT_STRING, BlockThresholdEvent::path,
            Xdr.UHYPER, BlockThresholdEvent::threshold,
            Xdr.UHYPER, BlockThresholdEvent::excess);
}
