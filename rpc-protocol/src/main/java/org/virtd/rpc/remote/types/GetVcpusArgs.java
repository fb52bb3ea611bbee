package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_vcpus_args}. */
public record GetVcpusArgs(DomainRef domain, int maxinfo, int maplen) {

    public static final XdrCodec<GetVcpusArgs> CODEC = Struct.of(GetVcpusArgs::new,
            DomainRef.CODEC, GetVcpusArgs::domain,
            Xdr.INT, GetVcpusArgs::maxinfo,
            Xdr.INT, GetVcpusArgs::maplen);
}
