package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code admin_nonnull_server}: a daemon's server by name ("admin", or the daemon's own name). */
public record ServerRef(String name) {

    public static final XdrCodec<ServerRef> CODEC = Struct.of(ServerRef::new,
            Xdr.STRING, ServerRef::name);
}
