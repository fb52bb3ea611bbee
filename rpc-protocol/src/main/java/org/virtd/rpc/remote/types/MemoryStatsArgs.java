package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_memory_stats_args}. */
public record MemoryStatsArgs(DomainRef domain, int maxStats, int flags) {

    public static final XdrCodec<MemoryStatsArgs> CODEC = Struct.of(MemoryStatsArgs::new,
            DomainRef.CODEC, MemoryStatsArgs::domain,
            Xdr.UINT, MemoryStatsArgs::maxStats,
            Xdr.UINT, MemoryStatsArgs::flags);
}
