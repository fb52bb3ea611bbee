package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_domain_stats_record}: one domain's statistics. */
public record DomainStatsRecord(DomainRef domain, List<TypedParam> params) {

    public static final XdrCodec<DomainStatsRecord> CODEC = Struct.of(DomainStatsRecord::new,
            DomainRef.CODEC, DomainStatsRecord::domain,
            TypedParam.list(Limits.CONNECT_GET_ALL_DOMAIN_STATS_MAX), DomainStatsRecord::params);
}
