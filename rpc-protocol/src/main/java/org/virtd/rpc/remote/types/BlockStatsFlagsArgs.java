package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_block_stats_flags_args}: a disk, the two-pass nparams count and flags. */
public record BlockStatsFlagsArgs(DomainRef domain, String path, int nparams, int flags) {

    public static final XdrCodec<BlockStatsFlagsArgs> CODEC = Struct.of(BlockStatsFlagsArgs::new,
            DomainRef.CODEC, BlockStatsFlagsArgs::domain,
            Xdr.STRING, BlockStatsFlagsArgs::path,
            Xdr.INT, BlockStatsFlagsArgs::nparams,
            Xdr.UINT, BlockStatsFlagsArgs::flags);
}
