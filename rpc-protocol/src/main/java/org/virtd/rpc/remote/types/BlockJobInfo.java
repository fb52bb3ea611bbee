package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_block_job_info_ret}: found (0: no job), job type, bandwidth, progress. */
public record BlockJobInfo(int found, int type, long bandwidth, long cur, long end) {

    public static final XdrCodec<BlockJobInfo> CODEC = Struct.of(BlockJobInfo::new,
            Xdr.INT, BlockJobInfo::found,
            Xdr.INT, BlockJobInfo::type,
            Xdr.UHYPER, BlockJobInfo::bandwidth,
            Xdr.UHYPER, BlockJobInfo::cur,
            Xdr.UHYPER, BlockJobInfo::end);
}
