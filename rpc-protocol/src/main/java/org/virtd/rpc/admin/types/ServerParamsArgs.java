package org.virtd.rpc.admin.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.remote.types.TypedParam;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** A server, the typed parameters to set and flags (threadpool and client-limit setters; both limits are 32). */
public record ServerParamsArgs(ServerRef server, List<TypedParam> params, int flags) {

    public static final XdrCodec<ServerParamsArgs> CODEC = Struct.of(ServerParamsArgs::new,
            ServerRef.CODEC, ServerParamsArgs::server,
            TypedParam.list(Limits.ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX), ServerParamsArgs::params,
            Xdr.UINT, ServerParamsArgs::flags);
}
