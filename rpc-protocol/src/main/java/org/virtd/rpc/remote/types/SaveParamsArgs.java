package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_domain_save_params_args}: the target file and XML as typed parameters. */
public record SaveParamsArgs(DomainRef domain, List<TypedParam> params, int flags) {

    public static final XdrCodec<SaveParamsArgs> CODEC = Struct.of(SaveParamsArgs::new,
            DomainRef.CODEC, SaveParamsArgs::domain,
            TypedParam.list(Limits.DOMAIN_SAVE_PARAMS_MAX), SaveParamsArgs::params,
            Xdr.UINT, SaveParamsArgs::flags);
}
