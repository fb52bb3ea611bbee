package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_domain_get_job_stats_ret}: job type and statistics. */
public record JobStats(int type, List<TypedParam> params) {

    public static final XdrCodec<JobStats> CODEC = Struct.of(JobStats::new,
            Xdr.INT, JobStats::type,
            TypedParam.list(Limits.DOMAIN_JOB_STATS_MAX), JobStats::params);
}
