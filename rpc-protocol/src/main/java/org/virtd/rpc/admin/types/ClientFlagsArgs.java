package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A client and flags (client info, disconnect). */
public record ClientFlagsArgs(ClientRef client, int flags) {

    public static final XdrCodec<ClientFlagsArgs> CODEC = Struct.of(ClientFlagsArgs::new,
            ClientRef.CODEC, ClientFlagsArgs::client,
            Xdr.UINT, ClientFlagsArgs::flags);
}
