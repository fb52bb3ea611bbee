package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_WATCHDOG} body: the watchdog action taken. */
public record WatchdogEvent(DomainRef domain, int action) implements DomainEventBody {

    public static final XdrCodec<WatchdogEvent> CODEC = Struct.of(WatchdogEvent::new,
            DomainRef.CODEC, WatchdogEvent::domain,
            Xdr.INT, WatchdogEvent::action);
}
