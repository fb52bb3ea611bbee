package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain and flags: the args of the many {@code remote_domain_*_args} that carry nothing else. */
public record DomainFlagsArgs(DomainRef domain, int flags) {

    public static final XdrCodec<DomainFlagsArgs> CODEC = Struct.of(DomainFlagsArgs::new,
            DomainRef.CODEC, DomainFlagsArgs::domain,
            Xdr.UINT, DomainFlagsArgs::flags);
}
