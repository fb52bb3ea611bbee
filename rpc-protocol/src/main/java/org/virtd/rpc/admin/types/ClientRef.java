package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code admin_nonnull_client}: a client of a server, its id, connect time (epoch seconds) and transport (0 UNIX, 1 TCP, 2 TLS). */
public record ClientRef(ServerRef server, long id, long timestamp, int transport) {

    public static final XdrCodec<ClientRef> CODEC = Struct.of(ClientRef::new,
            ServerRef.CODEC, ClientRef::server,
            Xdr.UHYPER, ClientRef::id,
            Xdr.HYPER, ClientRef::timestamp,
            Xdr.UINT, ClientRef::transport);
}
