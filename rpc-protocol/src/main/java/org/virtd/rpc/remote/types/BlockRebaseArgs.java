package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_block_rebase_args}: a disk, the optional new base, bandwidth and flags. */
public record BlockRebaseArgs(DomainRef domain, String path, String base, long bandwidth, int flags) {

    public static final XdrCodec<BlockRebaseArgs> CODEC = Struct.of(BlockRebaseArgs::new,
            DomainRef.CODEC, BlockRebaseArgs::domain,
            Xdr.STRING, BlockRebaseArgs::path,
            Xdr.OPT_STRING, BlockRebaseArgs::base,
            Xdr.UHYPER, BlockRebaseArgs::bandwidth,
            Xdr.UINT, BlockRebaseArgs::flags);
}
