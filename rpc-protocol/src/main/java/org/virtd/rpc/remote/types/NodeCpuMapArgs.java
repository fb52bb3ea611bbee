package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_get_cpu_map_args}: which of the map and the online count the caller wants. */
public record NodeCpuMapArgs(int needMap, int needOnline, int flags) {

    public static final XdrCodec<NodeCpuMapArgs> CODEC = Struct.of(NodeCpuMapArgs::new,
            Xdr.INT, NodeCpuMapArgs::needMap,
            Xdr.INT, NodeCpuMapArgs::needOnline,
            Xdr.UINT, NodeCpuMapArgs::flags);
}
