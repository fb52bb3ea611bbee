package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_domain_restore_params_args}: the image file and XML as typed parameters. */
public record RestoreParamsArgs(List<TypedParam> params, int flags) {

    public static final XdrCodec<RestoreParamsArgs> CODEC = Struct.of(RestoreParamsArgs::new,
            TypedParam.list(Limits.DOMAIN_SAVE_PARAMS_MAX), RestoreParamsArgs::params,
            Xdr.UINT, RestoreParamsArgs::flags);
}
