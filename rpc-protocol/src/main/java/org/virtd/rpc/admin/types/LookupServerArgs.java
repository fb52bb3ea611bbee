package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code admin_connect_lookup_server_args}. */
public record LookupServerArgs(String name, int flags) {

    public static final XdrCodec<LookupServerArgs> CODEC = Struct.of(LookupServerArgs::new,
            Xdr.STRING, LookupServerArgs::name,
            Xdr.UINT, LookupServerArgs::flags);
}
