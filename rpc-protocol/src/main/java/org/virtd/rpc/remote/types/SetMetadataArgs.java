package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_set_metadata_args}. */
public record SetMetadataArgs(DomainRef domain, int type, String metadata, String key, String uri, int flags) {

    public static final XdrCodec<SetMetadataArgs> CODEC = Struct.of(SetMetadataArgs::new,
            DomainRef.CODEC, SetMetadataArgs::domain,
            Xdr.INT, SetMetadataArgs::type,
            Xdr.OPT_STRING, SetMetadataArgs::metadata,
            Xdr.OPT_STRING, SetMetadataArgs::key,
            Xdr.OPT_STRING, SetMetadataArgs::uri,
            Xdr.UINT, SetMetadataArgs::flags);
}
