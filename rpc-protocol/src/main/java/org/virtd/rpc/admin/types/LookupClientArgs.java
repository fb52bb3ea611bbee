package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code admin_server_lookup_client_args}. */
public record LookupClientArgs(ServerRef server, long id, int flags) {

    public static final XdrCodec<LookupClientArgs> CODEC = Struct.of(LookupClientArgs::new,
            ServerRef.CODEC, LookupClientArgs::server,
            Xdr.UHYPER, LookupClientArgs::id,
            Xdr.UINT, LookupClientArgs::flags);
}
