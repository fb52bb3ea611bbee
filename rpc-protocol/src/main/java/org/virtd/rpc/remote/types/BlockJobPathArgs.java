package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_block_job_abort_args} and {@code remote_domain_get_block_job_info_args}: a disk and flags. */
public record BlockJobPathArgs(DomainRef domain, String path, int flags) {

    public static final XdrCodec<BlockJobPathArgs> CODEC = Struct.of(BlockJobPathArgs::new,
            DomainRef.CODEC, BlockJobPathArgs::domain,
            Xdr.STRING, BlockJobPathArgs::path,
            Xdr.UINT, BlockJobPathArgs::flags);
}
