package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_time_ret}: guest time since the epoch. */
public record DomainTime(long seconds, int nseconds) {

    public static final XdrCodec<DomainTime> CODEC = Struct.of(DomainTime::new,
            Xdr.HYPER, DomainTime::seconds,
            Xdr.UINT, DomainTime::nseconds);
}
