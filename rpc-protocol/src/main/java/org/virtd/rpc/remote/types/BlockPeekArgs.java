package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_block_peek_args}: {@code size} bytes of a disk from {@code offset}. */
public record BlockPeekArgs(DomainRef domain, String path, long offset, int size, int flags) {

    public static final XdrCodec<BlockPeekArgs> CODEC = Struct.of(BlockPeekArgs::new,
            DomainRef.CODEC, BlockPeekArgs::domain,
            Xdr.STRING, BlockPeekArgs::path,
            Xdr.UHYPER, BlockPeekArgs::offset,
            Xdr.UINT, BlockPeekArgs::size,
            Xdr.UINT, BlockPeekArgs::flags);
}
