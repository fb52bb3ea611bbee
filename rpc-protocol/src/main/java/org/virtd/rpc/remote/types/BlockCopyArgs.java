package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_domain_block_copy_args}: a disk, the destination as disk XML, typed parameters and flags. */
public record BlockCopyArgs(DomainRef domain, String path, String destxml, List<TypedParam> params, int flags) {

    public static final XdrCodec<BlockCopyArgs> CODEC = Struct.of(BlockCopyArgs::new,
            DomainRef.CODEC, BlockCopyArgs::domain,
            Xdr.STRING, BlockCopyArgs::path,
            Xdr.STRING, BlockCopyArgs::destxml,
            TypedParam.list(Limits.DOMAIN_BLOCK_COPY_PARAMETERS_MAX), BlockCopyArgs::params,
            Xdr.UINT, BlockCopyArgs::flags);
}
