package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * {@code remote_domain_get_job_info_ret}: the job type ({@code VIR_DOMAIN_JOB_*}) followed by
 * eleven unsigned hypers: elapsed and remaining time, then total, processed and remaining
 * amounts of data, memory and file.
 */
public record JobInfo(int type, long timeElapsed, long timeRemaining, long dataTotal, long dataProcessed,
                      long dataRemaining, long memTotal, long memProcessed, long memRemaining,
                      long fileTotal, long fileProcessed, long fileRemaining) {

    public static final XdrCodec<JobInfo> CODEC = Struct.of(JobInfo::new,
            Xdr.INT, JobInfo::type,
            Xdr.UHYPER, JobInfo::timeElapsed,
            Xdr.UHYPER, JobInfo::timeRemaining,
            Xdr.UHYPER, JobInfo::dataTotal,
            Xdr.UHYPER, JobInfo::dataProcessed,
            Xdr.UHYPER, JobInfo::dataRemaining,
            Xdr.UHYPER, JobInfo::memTotal,
            Xdr.UHYPER, JobInfo::memProcessed,
            Xdr.UHYPER, JobInfo::memRemaining,
            Xdr.UHYPER, JobInfo::fileTotal,
            Xdr.UHYPER, JobInfo::fileProcessed,
            Xdr.UHYPER, JobInfo::fileRemaining);
}
