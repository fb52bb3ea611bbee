package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_network_port_create_xml_args}: the network, the port's XML and flags. */
public record NetworkPortCreateArgs(NameUuidRef net, String xml, int flags) {

    public static final XdrCodec<NetworkPortCreateArgs> CODEC = Struct.of(NetworkPortCreateArgs::new,
            Xdr.lazy(NameUuidRef.class), NetworkPortCreateArgs::net,
            Xdr.STRING, NetworkPortCreateArgs::xml,
            Xdr.UINT, NetworkPortCreateArgs::flags);
}
