package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_auth_sasl_start_ret} and {@code remote_auth_sasl_step_ret} (same layout): whether SASL is complete and the server's token. */
public record AuthSaslResult(int complete, int nil, byte[] data) {

    public static final XdrCodec<AuthSaslResult> CODEC = Struct.of(AuthSaslResult::new,
            Xdr.INT, AuthSaslResult::complete,
            Xdr.INT, AuthSaslResult::nil,
            Xdr.charBytes(Limits.AUTH_SASL_DATA_MAX), AuthSaslResult::data);
}
