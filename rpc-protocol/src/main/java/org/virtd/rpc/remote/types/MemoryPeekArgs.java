package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_memory_peek_args}: {@code size} bytes of guest memory from {@code offset}. */
public record MemoryPeekArgs(DomainRef domain, long offset, int size, int flags) {

    public static final XdrCodec<MemoryPeekArgs> CODEC = Struct.of(MemoryPeekArgs::new,
            DomainRef.CODEC, MemoryPeekArgs::domain,
            Xdr.UHYPER, MemoryPeekArgs::offset,
            Xdr.UINT, MemoryPeekArgs::size,
            Xdr.UINT, MemoryPeekArgs::flags);
}
