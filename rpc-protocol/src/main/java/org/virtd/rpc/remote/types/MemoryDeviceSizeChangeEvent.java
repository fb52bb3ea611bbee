package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE} body: the new size in KiB. */
public record MemoryDeviceSizeChangeEvent(DomainRef domain, String alias, long size) implements DomainEventBody {

    public static final XdrCodec<MemoryDeviceSizeChangeEvent> CODEC = Struct.of(MemoryDeviceSizeChangeEvent::new,
            DomainRef.CODEC, MemoryDeviceSizeChangeEvent::domain,
            Xdr.STRING, MemoryDeviceSizeChangeEvent::alias,
            Xdr.UHYPER, MemoryDeviceSizeChangeEvent::size);
}
