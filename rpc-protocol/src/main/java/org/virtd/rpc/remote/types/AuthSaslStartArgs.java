package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_auth_sasl_start_args}: the chosen mechanism and the client's first token ({@code nil} set when it sent none). */
public record AuthSaslStartArgs(String mech, int nil, byte[] data) {

    public static final XdrCodec<AuthSaslStartArgs> CODEC = Struct.of(AuthSaslStartArgs::new,
            Xdr.STRING, AuthSaslStartArgs::mech,
            Xdr.INT, AuthSaslStartArgs::nil,
            Xdr.charBytes(Limits.AUTH_SASL_DATA_MAX), AuthSaslStartArgs::data);
}
