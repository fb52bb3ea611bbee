package org.virtd.rpc.qemu.types;

import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code qemu_domain_monitor_command_args} (also 7, with files): a QMP or, with flag 1, HMP command. */
public record MonitorCommandArgs(DomainRef domain, String cmd, int flags) {

    public static final XdrCodec<MonitorCommandArgs> CODEC = Struct.of(MonitorCommandArgs::new,
            DomainRef.CODEC, MonitorCommandArgs::domain,
            Xdr.STRING, MonitorCommandArgs::cmd,
            Xdr.UINT, MonitorCommandArgs::flags);
}
