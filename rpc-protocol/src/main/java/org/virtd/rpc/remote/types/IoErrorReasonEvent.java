package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON} body. */
public record IoErrorReasonEvent(DomainRef domain, String srcPath, String devAlias, int action, String reason) implements DomainEventBody {

    public static final XdrCodec<IoErrorReasonEvent> CODEC = Struct.of(IoErrorReasonEvent::new,
            DomainRef.CODEC, IoErrorReasonEvent::domain,
            Xdr.STRING, IoErrorReasonEvent::srcPath,
            Xdr.STRING, IoErrorReasonEvent::devAlias,
            Xdr.INT, IoErrorReasonEvent::action,
            Xdr.STRING, IoErrorReasonEvent::reason);
}
