package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_block_commit_args}: a disk, optional base and top images, bandwidth and flags. */
public record BlockCommitArgs(DomainRef domain, String disk, String base, String top, long bandwidth, int flags) {

    public static final XdrCodec<BlockCommitArgs> CODEC = Struct.of(BlockCommitArgs::new,
            DomainRef.CODEC, BlockCommitArgs::domain,
            Xdr.STRING, BlockCommitArgs::disk,
            Xdr.OPT_STRING, BlockCommitArgs::base,
            Xdr.OPT_STRING, BlockCommitArgs::top,
            Xdr.UHYPER, BlockCommitArgs::bandwidth,
            Xdr.UINT, BlockCommitArgs::flags);
}
