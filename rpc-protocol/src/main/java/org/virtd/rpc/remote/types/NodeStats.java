package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_node_get_cpu_stats_ret} / {@code remote_node_get_memory_stats_ret}: the counters and the count for the two-pass convention. */
public record NodeStats(List<NodeStat> params, int nparams) {

    public static final XdrCodec<NodeStats> CODEC = Struct.of(NodeStats::new,
            Xdr.array(NodeStat.CODEC, Limits.NODE_CPU_STATS_MAX), NodeStats::params,
            Xdr.INT, NodeStats::nparams);
}
