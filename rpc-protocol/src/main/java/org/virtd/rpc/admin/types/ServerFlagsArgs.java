package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A server and flags (threadpool/client-limit getters, TLS reload). */
public record ServerFlagsArgs(ServerRef server, int flags) {

    public static final XdrCodec<ServerFlagsArgs> CODEC = Struct.of(ServerFlagsArgs::new,
            ServerRef.CODEC, ServerFlagsArgs::server,
            Xdr.UINT, ServerFlagsArgs::flags);
}
