package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_list_devices_args}: optional capability filter, maximum names and flags. */
public record NodeDeviceListArgs(String cap, int maxnames, int flags) {

    public static final XdrCodec<NodeDeviceListArgs> CODEC = Struct.of(NodeDeviceListArgs::new,
            Xdr.OPT_STRING, NodeDeviceListArgs::cap,
            Xdr.INT, NodeDeviceListArgs::maxnames,
            Xdr.UINT, NodeDeviceListArgs::flags);
}
