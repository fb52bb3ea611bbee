package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_set_time_args}: the time to give the guest. */
public record SetTimeArgs(DomainRef domain, long seconds, int nseconds, int flags) {

    public static final XdrCodec<SetTimeArgs> CODEC = Struct.of(SetTimeArgs::new,
            DomainRef.CODEC, SetTimeArgs::domain,
            Xdr.HYPER, SetTimeArgs::seconds,
            Xdr.UINT, SetTimeArgs::nseconds,
            Xdr.UINT, SetTimeArgs::flags);
}
