package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_block_stats_ret}. */
public record BlockStats(long rdReq, long rdBytes, long wrReq, long wrBytes, long errs) {

    public static final XdrCodec<BlockStats> CODEC = Struct.of(BlockStats::new,
            Xdr.HYPER, BlockStats::rdReq,
            Xdr.HYPER, BlockStats::rdBytes,
            Xdr.HYPER, BlockStats::wrReq,
            Xdr.HYPER, BlockStats::wrBytes,
            Xdr.HYPER, BlockStats::errs);
}
