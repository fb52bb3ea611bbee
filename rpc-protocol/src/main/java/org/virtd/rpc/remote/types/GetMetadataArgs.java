package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_metadata_args}. */
public record GetMetadataArgs(DomainRef domain, int type, String uri, int flags) {

    public static final XdrCodec<GetMetadataArgs> CODEC = Struct.of(GetMetadataArgs::new,
            DomainRef.CODEC, GetMetadataArgs::domain,
            Xdr.INT, GetMetadataArgs::type,
            Xdr.OPT_STRING, GetMetadataArgs::uri,
            Xdr.UINT, GetMetadataArgs::flags);
}
