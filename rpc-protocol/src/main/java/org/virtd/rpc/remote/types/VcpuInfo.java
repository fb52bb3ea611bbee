package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_vcpu_info}: one vCPU's number, state, CPU time (ns) and host CPU. */
public record VcpuInfo(int number, int state, long cpuTime, int cpu) {

    public static final XdrCodec<VcpuInfo> CODEC = Struct.of(VcpuInfo::new,
            Xdr.UINT, VcpuInfo::number,
            Xdr.INT, VcpuInfo::state,
            Xdr.UHYPER, VcpuInfo::cpuTime,
            Xdr.INT, VcpuInfo::cpu);
}
