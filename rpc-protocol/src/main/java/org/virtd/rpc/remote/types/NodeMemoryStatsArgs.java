package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_get_memory_stats_args}: the two-pass nparams count, the cell (-1 = all) and flags. */
public record NodeMemoryStatsArgs(int nparams, int cellNum, int flags) {

    public static final XdrCodec<NodeMemoryStatsArgs> CODEC = Struct.of(NodeMemoryStatsArgs::new,
            Xdr.INT, NodeMemoryStatsArgs::nparams,
            Xdr.INT, NodeMemoryStatsArgs::cellNum,
            Xdr.UINT, NodeMemoryStatsArgs::flags);
}
