package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_num_of_devices_args}: optional capability filter and flags. */
public record NodeDeviceCountArgs(String cap, int flags) {

    public static final XdrCodec<NodeDeviceCountArgs> CODEC = Struct.of(NodeDeviceCountArgs::new,
            Xdr.OPT_STRING, NodeDeviceCountArgs::cap,
            Xdr.UINT, NodeDeviceCountArgs::flags);
}
