package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain, a path and flags (core dump target, block info path). */
public record DomainPathFlagsArgs(DomainRef domain, String path, int flags) {

    public static final XdrCodec<DomainPathFlagsArgs> CODEC = Struct.of(DomainPathFlagsArgs::new,
            DomainRef.CODEC, DomainPathFlagsArgs::domain,
            Xdr.STRING, DomainPathFlagsArgs::path,
            Xdr.UINT, DomainPathFlagsArgs::flags);
}
