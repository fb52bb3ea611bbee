package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_connect_get_all_domain_stats_args}: domains (empty = all), stats groups and flags. */
public record AllDomainStatsArgs(List<DomainRef> doms, int stats, int flags) {

    public static final XdrCodec<AllDomainStatsArgs> CODEC = Struct.of(AllDomainStatsArgs::new,
            Xdr.array(DomainRef.CODEC, Limits.DOMAIN_LIST_MAX), AllDomainStatsArgs::doms,
            Xdr.UINT, AllDomainStatsArgs::stats,
            Xdr.UINT, AllDomainStatsArgs::flags);
}
