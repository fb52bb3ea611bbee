package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_block_resize_args}: a disk, its new size (KiB, or bytes with the flag). */
public record BlockResizeArgs(DomainRef domain, String disk, long size, int flags) {

    public static final XdrCodec<BlockResizeArgs> CODEC = Struct.of(BlockResizeArgs::new,
            DomainRef.CODEC, BlockResizeArgs::domain,
            Xdr.STRING, BlockResizeArgs::disk,
            Xdr.UHYPER, BlockResizeArgs::size,
            Xdr.UINT, BlockResizeArgs::flags);
}
