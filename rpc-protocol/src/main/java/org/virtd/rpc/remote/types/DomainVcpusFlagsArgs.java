package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_set_vcpus_flags_args}. */
public record DomainVcpusFlagsArgs(DomainRef domain, int nvcpus, int flags) {

    public static final XdrCodec<DomainVcpusFlagsArgs> CODEC = Struct.of(DomainVcpusFlagsArgs::new,
            DomainRef.CODEC, DomainVcpusFlagsArgs::domain,
            Xdr.UINT, DomainVcpusFlagsArgs::nvcpus,
            Xdr.UINT, DomainVcpusFlagsArgs::flags);
}
