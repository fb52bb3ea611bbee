package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_DEVICE_ADDED} body. */
public record DeviceAddedEvent(DomainRef domain, String devAlias) implements DomainEventBody {

    public static final XdrCodec<DeviceAddedEvent> CODEC = Struct.of(DeviceAddedEvent::new,
            DomainRef.CODEC, DeviceAddedEvent::domain,
            Xdr.STRING, DeviceAddedEvent::devAlias);
}
