package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_TRAY_CHANGE} body. */
public record TrayChangeEvent(DomainRef domain, String devAlias, int reason) implements DomainEventBody {

    public static final XdrCodec<TrayChangeEvent> CODEC = Struct.of(TrayChangeEvent::new,
            DomainRef.CODEC, TrayChangeEvent::domain,
            Xdr.STRING, TrayChangeEvent::devAlias,
            Xdr.INT, TrayChangeEvent::reason);
}
