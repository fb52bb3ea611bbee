package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_guest_info_args}: which info groups. */
public record GuestInfoArgs(DomainRef domain, int types, int flags) {

    public static final XdrCodec<GuestInfoArgs> CODEC = Struct.of(GuestInfoArgs::new,
            DomainRef.CODEC, GuestInfoArgs::domain,
            Xdr.UINT, GuestInfoArgs::types,
            Xdr.UINT, GuestInfoArgs::flags);
}
