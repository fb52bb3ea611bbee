package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_save_flags_args}: target file and an optional replacement XML. */
public record SaveFlagsArgs(DomainRef domain, String to, String dxml, int flags) {

    public static final XdrCodec<SaveFlagsArgs> CODEC = Struct.of(SaveFlagsArgs::new,
            DomainRef.CODEC, SaveFlagsArgs::domain,
            Xdr.STRING, SaveFlagsArgs::to,
            Xdr.OPT_STRING, SaveFlagsArgs::dxml,
            Xdr.UINT, SaveFlagsArgs::flags);
}
