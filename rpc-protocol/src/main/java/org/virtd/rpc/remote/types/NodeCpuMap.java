package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_get_cpu_map_ret}: the online-CPU bitmap, the online count and the CPU count. */
public record NodeCpuMap(byte[] cpumap, int online, int ret) {

    public static final XdrCodec<NodeCpuMap> CODEC = Struct.of(NodeCpuMap::new,
            Xdr.opaque(Limits.CPUMAP_MAX), NodeCpuMap::cpumap,
            Xdr.UINT, NodeCpuMap::online,
            Xdr.INT, NodeCpuMap::ret);
}
