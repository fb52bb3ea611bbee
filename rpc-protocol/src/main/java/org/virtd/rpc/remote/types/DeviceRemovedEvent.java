package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED} body. */
public record DeviceRemovedEvent(DomainRef domain, String devAlias) implements DomainEventBody {

    public static final XdrCodec<DeviceRemovedEvent> CODEC = Struct.of(DeviceRemovedEvent::new,
            DomainRef.CODEC, DeviceRemovedEvent::domain,
            Xdr.STRING, DeviceRemovedEvent::devAlias);
}
