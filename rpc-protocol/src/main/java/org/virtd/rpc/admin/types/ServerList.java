package org.virtd.rpc.admin.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code admin_connect_list_servers_ret}: the servers (empty unless asked for) and their count. */
public record ServerList(List<ServerRef> servers, int ret) {

    public static final XdrCodec<ServerList> CODEC = Struct.of(ServerList::new,
            Xdr.array(ServerRef.CODEC, Limits.ADMIN_SERVER_LIST_MAX), ServerList::servers,
            Xdr.UINT, ServerList::ret);
}
