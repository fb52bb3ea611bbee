package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code admin_connect_set_logging_outputs_args} / {@code ..._filters_args}: absent clears. */
public record LoggingSetArgs(String value, int flags) {

    public static final XdrCodec<LoggingSetArgs> CODEC = Struct.of(LoggingSetArgs::new,
            Xdr.OPT_STRING, LoggingSetArgs::value,
            Xdr.UINT, LoggingSetArgs::flags);
}
