package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_get_cpu_stats} / {@code remote_node_get_memory_stats}: one named counter. */
public record NodeStat(String field, long value) {

    public static final XdrCodec<NodeStat> CODEC = Struct.of(NodeStat::new,
            Xdr.STRING, NodeStat::field,
            Xdr.UHYPER, NodeStat::value);
}
