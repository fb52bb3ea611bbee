package org.virtd.rpc.remote.types;

import java.util.List;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_connect_baseline_hypervisor_cpu_args}: optional emulator selectors, the CPU XMLs, flags. */
public record BaselineHypervisorCpuArgs(String emulator, String arch, String machine, String virttype,
        List<String> xmlCPUs, int flags) {

    public static final XdrCodec<BaselineHypervisorCpuArgs> CODEC = Struct.of(BaselineHypervisorCpuArgs::new,
            Xdr.OPT_STRING, BaselineHypervisorCpuArgs::emulator,
            Xdr.OPT_STRING, BaselineHypervisorCpuArgs::arch,
            Xdr.OPT_STRING, BaselineHypervisorCpuArgs::machine,
            Xdr.OPT_STRING, BaselineHypervisorCpuArgs::virttype,
            Xdr.array(Xdr.STRING, Limits.CPU_BASELINE_MAX), BaselineHypervisorCpuArgs::xmlCPUs,
            Xdr.UINT, BaselineHypervisorCpuArgs::flags);
}
