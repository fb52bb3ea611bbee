package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * {@code remote_domain_pin_vcpu_flags_args} (and, with flags 0, {@code remote_domain_pin_vcpu_args},
 * whose codec leaves the flags out): a vCPU and its new host-CPU bitmap.
 */
public record PinVcpuArgs(DomainRef domain, int vcpu, byte[] cpumap, int flags) {

    public static final XdrCodec<PinVcpuArgs> CODEC = Struct.of(PinVcpuArgs::new,
            DomainRef.CODEC, PinVcpuArgs::domain,
            Xdr.UINT, PinVcpuArgs::vcpu,
            Xdr.opaque(Limits.CPUMAP_MAX), PinVcpuArgs::cpumap,
            Xdr.UINT, PinVcpuArgs::flags);

    /** The flag-less {@code remote_domain_pin_vcpu_args}. */
    public static final XdrCodec<PinVcpuArgs> NO_FLAGS_CODEC = Struct.of(
            (DomainRef d, Integer v, byte[] m) -> new PinVcpuArgs(d, v, m, 0),
            DomainRef.CODEC, PinVcpuArgs::domain,
            Xdr.UINT, PinVcpuArgs::vcpu,
            Xdr.opaque(Limits.CPUMAP_MAX), PinVcpuArgs::cpumap);
}
