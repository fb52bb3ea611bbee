package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_vcpu_pin_info_args}: how many maps of how many bytes the caller takes. */
public record VcpuPinInfoArgs(DomainRef domain, int ncpumaps, int maplen, int flags) {

    public static final XdrCodec<VcpuPinInfoArgs> CODEC = Struct.of(VcpuPinInfoArgs::new,
            DomainRef.CODEC, VcpuPinInfoArgs::domain,
            Xdr.INT, VcpuPinInfoArgs::ncpumaps,
            Xdr.INT, VcpuPinInfoArgs::maplen,
            Xdr.UINT, VcpuPinInfoArgs::flags);
}
