package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code admin_connect_get_logging_outputs_ret}. */
public record LoggingOutputs(String outputs, int noutputs) {

    public static final XdrCodec<LoggingOutputs> CODEC = Struct.of(LoggingOutputs::new,
            Xdr.STRING, LoggingOutputs::outputs,
            Xdr.UINT, LoggingOutputs::noutputs);
}
