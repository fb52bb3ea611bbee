package org.virtd.rpc.remote.types;

import io.netty.buffer.ByteBuf;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * {@code remote_domain_get_job_info_ret}: the job type ({@code VIR_DOMAIN_JOB_*}) followed by
 * eleven unsigned hypers in this order: timeElapsed, timeRemaining, dataTotal, dataProcessed,
 * dataRemaining, memTotal, memProcessed, memRemaining, fileTotal, fileProcessed, fileRemaining.
 * Twelve fields exceed {@code Struct.of}'s arities, so the counters travel as one fixed block.
 */
public record JobInfo(int type, long timeElapsed, long timeRemaining, long dataTotal, long dataProcessed,
                      long dataRemaining, long memTotal, long memProcessed, long memRemaining,
                      long fileTotal, long fileProcessed, long fileRemaining) {

    private static final XdrCodec<long[]> COUNTERS = Xdr.fixedHypers(11);

    public static final XdrCodec<JobInfo> CODEC = new XdrCodec<>() {
        @Override
        public JobInfo decode(ByteBuf in) {
            int type = Xdr.INT.decode(in);
            long[] c = COUNTERS.decode(in);
            return new JobInfo(type, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);
        }

        @Override
        public void encode(ByteBuf out, JobInfo j) {
            Xdr.INT.encode(out, j.type);
            COUNTERS.encode(out, new long[] {j.timeElapsed, j.timeRemaining, j.dataTotal, j.dataProcessed,
                    j.dataRemaining, j.memTotal, j.memProcessed, j.memRemaining, j.fileTotal,
                    j.fileProcessed, j.fileRemaining});
        }

        @Override
        public int minSize() {
            return 4 + 88;
        }
    };
}
