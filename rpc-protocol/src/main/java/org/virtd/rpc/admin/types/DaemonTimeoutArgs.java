package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code admin_connect_set_daemon_timeout_args}: idle seconds before exit. */
public record DaemonTimeoutArgs(int timeout, int flags) {

    public static final XdrCodec<DaemonTimeoutArgs> CODEC = Struct.of(DaemonTimeoutArgs::new,
            Xdr.UINT, DaemonTimeoutArgs::timeout,
            Xdr.UINT, DaemonTimeoutArgs::flags);
}
