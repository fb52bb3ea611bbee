package org.virtd.rpc.qemu.types;

import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code qemu_connect_domain_monitor_event_register_args}: optional domain and event-name filters; flags 1 REGEX, 2 NOCASE. */
public record MonitorEventRegisterArgs(DomainRef domain, String event, int flags) {

    public static final XdrCodec<MonitorEventRegisterArgs> CODEC = Struct.of(MonitorEventRegisterArgs::new,
            DomainRef.OPTIONAL, MonitorEventRegisterArgs::domain,
            Xdr.OPT_STRING, MonitorEventRegisterArgs::event,
            Xdr.UINT, MonitorEventRegisterArgs::flags);
}
