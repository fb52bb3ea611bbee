package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED} body. */
public record DeviceRemovalFailedEvent(DomainRef domain, String devAlias) implements DomainEventBody {

    public static final XdrCodec<DeviceRemovalFailedEvent> CODEC = Struct.of(DeviceRemovalFailedEvent::new,
            DomainRef.CODEC, DeviceRemovalFailedEvent::domain,
            Xdr.STRING, DeviceRemovalFailedEvent::devAlias);
}
