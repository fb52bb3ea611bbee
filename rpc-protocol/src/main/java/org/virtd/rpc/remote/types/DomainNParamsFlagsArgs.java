package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain, the two-pass nparams count and flags ({@code remote_domain_get_memory_parameters_args} and kin). */
public record DomainNParamsFlagsArgs(DomainRef domain, int nparams, int flags) {

    public static final XdrCodec<DomainNParamsFlagsArgs> CODEC = Struct.of(DomainNParamsFlagsArgs::new,
            DomainRef.CODEC, DomainNParamsFlagsArgs::domain,
            Xdr.INT, DomainNParamsFlagsArgs::nparams,
            Xdr.UINT, DomainNParamsFlagsArgs::flags);
}
