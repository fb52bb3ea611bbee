package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_get_cpu_stats_args}: which CPU (-1 = all), the two-pass nparams count and flags. */
public record NodeCpuStatsArgs(int cpuNum, int nparams, int flags) {

    public static final XdrCodec<NodeCpuStatsArgs> CODEC = Struct.of(NodeCpuStatsArgs::new,
            Xdr.INT, NodeCpuStatsArgs::cpuNum,
            Xdr.INT, NodeCpuStatsArgs::nparams,
            Xdr.UINT, NodeCpuStatsArgs::flags);
}
