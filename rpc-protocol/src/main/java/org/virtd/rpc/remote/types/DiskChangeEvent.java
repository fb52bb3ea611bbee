package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_DISK_CHANGE} body. */
public record DiskChangeEvent(DomainRef domain, String oldSrcPath, String newSrcPath, String devAlias, int reason) implements DomainEventBody {

    public static final XdrCodec<DiskChangeEvent> CODEC = Struct.of(DiskChangeEvent::new,
            DomainRef.CODEC, DiskChangeEvent::domain,
            Xdr.OPT_STRING, DiskChangeEvent::oldSrcPath,
            Xdr.OPT_STRING, DiskChangeEvent::newSrcPath,
            Xdr.STRING, DiskChangeEvent::devAlias,
            Xdr.INT, DiskChangeEvent::reason);
}
