package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain and a memory size in KiB ({@code remote_domain_set_memory_args}, {@code ..._set_max_memory_args}). */
public record DomainMemoryArgs(DomainRef domain, long memory) {

    public static final XdrCodec<DomainMemoryArgs> CODEC = Struct.of(DomainMemoryArgs::new,
            DomainRef.CODEC, DomainMemoryArgs::domain,
            Xdr.UHYPER, DomainMemoryArgs::memory);
}
