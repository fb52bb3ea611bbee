package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code admin_server_list_clients_args}. */
public record ListClientsArgs(ServerRef server, int needResults, int flags) {

    public static final XdrCodec<ListClientsArgs> CODEC = Struct.of(ListClientsArgs::new,
            ServerRef.CODEC, ListClientsArgs::server,
            Xdr.UINT, ListClientsArgs::needResults,
            Xdr.UINT, ListClientsArgs::flags);
}
