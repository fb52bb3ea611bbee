package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A network port and flags ({@code remote_network_port_get_xml_desc_args}, {@code remote_network_port_delete_args}). */
public record NetworkPortFlagsArgs(NetworkPortRef port, int flags) {

    public static final XdrCodec<NetworkPortFlagsArgs> CODEC = Struct.of(NetworkPortFlagsArgs::new,
            Xdr.lazy(NetworkPortRef.class), NetworkPortFlagsArgs::port,
            Xdr.UINT, NetworkPortFlagsArgs::flags);
}
