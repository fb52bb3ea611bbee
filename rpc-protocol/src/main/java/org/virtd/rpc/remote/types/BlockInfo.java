package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_block_info_ret}, in bytes. */
public record BlockInfo(long allocation, long capacity, long physical) {

    public static final XdrCodec<BlockInfo> CODEC = Struct.of(BlockInfo::new,
            Xdr.UHYPER, BlockInfo::allocation,
            Xdr.UHYPER, BlockInfo::capacity,
            Xdr.UHYPER, BlockInfo::physical);
}
