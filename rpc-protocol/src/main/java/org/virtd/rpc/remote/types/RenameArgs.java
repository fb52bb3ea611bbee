package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_rename_args}. */
public record RenameArgs(DomainRef domain, String newName, int flags) {

    public static final XdrCodec<RenameArgs> CODEC = Struct.of(RenameArgs::new,
            DomainRef.CODEC, RenameArgs::domain,
            Xdr.OPT_STRING, RenameArgs::newName,
            Xdr.UINT, RenameArgs::flags);
}
