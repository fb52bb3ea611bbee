package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_IO_ERROR} body. */
public record IoErrorEvent(DomainRef domain, String srcPath, String devAlias, int action) implements DomainEventBody {

    public static final XdrCodec<IoErrorEvent> CODEC = Struct.of(IoErrorEvent::new,
            DomainRef.CODEC, IoErrorEvent::domain,
            Xdr.STRING, IoErrorEvent::srcPath,
            Xdr.STRING, IoErrorEvent::devAlias,
            Xdr.INT, IoErrorEvent::action);
}
