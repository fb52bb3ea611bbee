package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_set_user_password_args}: both strings are optional on the wire. */
public record SetUserPasswordArgs(DomainRef domain, String user, String password, int flags) {

    public static final XdrCodec<SetUserPasswordArgs> CODEC = Struct.of(SetUserPasswordArgs::new,
            DomainRef.CODEC, SetUserPasswordArgs::domain,
            Xdr.OPT_STRING, SetUserPasswordArgs::user,
            Xdr.OPT_STRING, SetUserPasswordArgs::password,
            Xdr.UINT, SetUserPasswordArgs::flags);
}
