package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_get_info_ret} (procedures.md §1a): the CPU model is {@code char[32]}, 128 bytes on the wire; memory in KiB. */
public record NodeInfo(String model, long memory, int cpus, int mhz, int nodes, int sockets, int cores, int threads) {

    public static final XdrCodec<NodeInfo> CODEC = Struct.of(NodeInfo::new,
            Xdr.fixedChars(32), NodeInfo::model,
            Xdr.UHYPER, NodeInfo::memory,
            Xdr.INT, NodeInfo::cpus,
            Xdr.INT, NodeInfo::mhz,
            Xdr.INT, NodeInfo::nodes,
            Xdr.INT, NodeInfo::sockets,
            Xdr.INT, NodeInfo::cores,
            Xdr.INT, NodeInfo::threads);
}
