package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_auth_sasl_step_args}: the client's next SASL token. */
public record AuthSaslStepArgs(int nil, byte[] data) {

    public static final XdrCodec<AuthSaslStepArgs> CODEC = Struct.of(AuthSaslStepArgs::new,
            Xdr.INT, AuthSaslStepArgs::nil,
            Xdr.charBytes(Limits.AUTH_SASL_DATA_MAX), AuthSaslStepArgs::data);
}
