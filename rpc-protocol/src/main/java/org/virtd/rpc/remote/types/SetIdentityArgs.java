package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_connect_set_identity_args}: identity keys as typed parameters (procedures.md §1a). */
public record SetIdentityArgs(List<TypedParam> params, int flags) {

    public static final XdrCodec<SetIdentityArgs> CODEC = Struct.of(SetIdentityArgs::new,
            TypedParam.list(Limits.CONNECT_IDENTITY_PARAMS_MAX), SetIdentityArgs::params,
            Xdr.UINT, SetIdentityArgs::flags);
}
