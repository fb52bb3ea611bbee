package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_domain_get_vcpus_ret}: vCPU infos and the concatenated affinity maps. */
public record VcpuInfoList(List<VcpuInfo> info, byte[] cpumaps) {

    public static final XdrCodec<VcpuInfoList> CODEC = Struct.of(VcpuInfoList::new,
            Xdr.array(VcpuInfo.CODEC, Limits.VCPUINFO_MAX), VcpuInfoList::info,
            Xdr.opaque(Limits.CPUMAPS_MAX), VcpuInfoList::cpumaps);
}
