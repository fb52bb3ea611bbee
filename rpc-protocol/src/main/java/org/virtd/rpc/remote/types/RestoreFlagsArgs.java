package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_restore_flags_args}: source file and an optional replacement XML. */
public record RestoreFlagsArgs(String from, String dxml, int flags) {

    public static final XdrCodec<RestoreFlagsArgs> CODEC = Struct.of(RestoreFlagsArgs::new,
            Xdr.STRING, RestoreFlagsArgs::from,
            Xdr.OPT_STRING, RestoreFlagsArgs::dxml,
            Xdr.UINT, RestoreFlagsArgs::flags);
}
