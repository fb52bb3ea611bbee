package org.virtd.rpc.qemu.types;

import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code qemu_domain_monitor_event_msg}: one QMP event relayed to a registered callback. */
public record MonitorEvent(int callbackID, DomainRef domain, String event, long seconds, int micros, String details) {

    public static final XdrCodec<MonitorEvent> CODEC = Struct.of(MonitorEvent::new,
            Xdr.INT, MonitorEvent::callbackID,
            DomainRef.CODEC, MonitorEvent::domain,
            Xdr.STRING, MonitorEvent::event,
            Xdr.HYPER, MonitorEvent::seconds,
            Xdr.UINT, MonitorEvent::micros,
            Xdr.OPT_STRING, MonitorEvent::details);
}
