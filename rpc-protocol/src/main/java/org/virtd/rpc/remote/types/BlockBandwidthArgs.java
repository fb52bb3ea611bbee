package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_block_pull_args} and {@code remote_domain_block_job_set_speed_args}: a disk, a bandwidth and flags. */
public record BlockBandwidthArgs(DomainRef domain, String path, long bandwidth, int flags) {

    public static final XdrCodec<BlockBandwidthArgs> CODEC = Struct.of(BlockBandwidthArgs::new,
            DomainRef.CODEC, BlockBandwidthArgs::domain,
            Xdr.STRING, BlockBandwidthArgs::path,
            Xdr.UHYPER, BlockBandwidthArgs::bandwidth,
            Xdr.UINT, BlockBandwidthArgs::flags);
}
