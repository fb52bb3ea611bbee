package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * {@code remote_nonnull_network_port}: a port of a virtual network, named by its network and its
 * own UUID; also the layout of {@code remote_network_port_lookup_by_uuid_args}.
 */
public record NetworkPortRef(NameUuidRef net, byte[] uuid) {

    public static final XdrCodec<NetworkPortRef> CODEC = Struct.of(NetworkPortRef::new,
            Xdr.lazy(NameUuidRef.class), NetworkPortRef::net,
            Xdr.UUID, NetworkPortRef::uuid);
}
