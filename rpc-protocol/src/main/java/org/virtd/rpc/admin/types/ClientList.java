package org.virtd.rpc.admin.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code admin_server_list_clients_ret}: the clients (empty unless asked for) and their count. */
public record ClientList(List<ClientRef> clients, int ret) {

    public static final XdrCodec<ClientList> CODEC = Struct.of(ClientList::new,
            Xdr.array(ClientRef.CODEC, Limits.ADMIN_CLIENT_LIST_MAX), ClientList::clients,
            Xdr.UINT, ClientList::ret);
}
