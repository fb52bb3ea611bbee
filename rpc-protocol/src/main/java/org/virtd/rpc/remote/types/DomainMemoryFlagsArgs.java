package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_set_memory_flags_args}: size in KiB and flags (1 LIVE, 2 CONFIG, 4 MAXIMUM). */
public record DomainMemoryFlagsArgs(DomainRef domain, long memory, int flags) {

    public static final XdrCodec<DomainMemoryFlagsArgs> CODEC = Struct.of(DomainMemoryFlagsArgs::new,
            DomainRef.CODEC, DomainMemoryFlagsArgs::domain,
            Xdr.UHYPER, DomainMemoryFlagsArgs::memory,
            Xdr.UINT, DomainMemoryFlagsArgs::flags);
}
