package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import org.virtd.rpc.message.Limits;

import java.util.List;

/** {@code remote_domain_fsfreeze_args} (and fsthaw's, the same): mount points, none for all. */
public record FsFreezeArgs(DomainRef domain, List<String> mountpoints, int flags) {

    public static final XdrCodec<FsFreezeArgs> CODEC = Struct.of(FsFreezeArgs::new,
            DomainRef.CODEC, FsFreezeArgs::domain,
            Xdr.array(Xdr.STRING, Limits.DOMAIN_FSFREEZE_MOUNTPOINTS_MAX), FsFreezeArgs::mountpoints,
            Xdr.UINT, FsFreezeArgs::flags);
}
