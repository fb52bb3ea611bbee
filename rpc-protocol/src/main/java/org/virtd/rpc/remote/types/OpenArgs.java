package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_connect_open_args}: the URI (absent only from broken clients) and open flags (bit 0 = read-only). */
public record OpenArgs(String name, int flags) {

    public static final XdrCodec<OpenArgs> CODEC = Struct.of(OpenArgs::new,
            Xdr.OPT_STRING, OpenArgs::name,
            Xdr.UINT, OpenArgs::flags);
}
