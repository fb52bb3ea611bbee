package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_cpu_stats_args}: per-CPU (from start_cpu, ncpus of them) or total (start_cpu -1). */
public record CpuStatsArgs(DomainRef domain, int nparams, int startCpu, int ncpus, int flags) {

    public static final XdrCodec<CpuStatsArgs> CODEC = Struct.of(CpuStatsArgs::new,
            DomainRef.CODEC, CpuStatsArgs::domain,
            Xdr.UINT, CpuStatsArgs::nparams,
            Xdr.INT, CpuStatsArgs::startCpu,
            Xdr.UINT, CpuStatsArgs::ncpus,
            Xdr.UINT, CpuStatsArgs::flags);
}
