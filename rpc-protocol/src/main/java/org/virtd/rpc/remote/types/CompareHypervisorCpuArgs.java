package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_connect_compare_hypervisor_cpu_args}: optional emulator selectors, the CPU XML, flags. */
public record CompareHypervisorCpuArgs(String emulator, String arch, String machine, String virttype, String xmlCPU,
        int flags) {

    public static final XdrCodec<CompareHypervisorCpuArgs> CODEC = Struct.of(CompareHypervisorCpuArgs::new,
            Xdr.OPT_STRING, CompareHypervisorCpuArgs::emulator,
            Xdr.OPT_STRING, CompareHypervisorCpuArgs::arch,
            Xdr.OPT_STRING, CompareHypervisorCpuArgs::machine,
            Xdr.OPT_STRING, CompareHypervisorCpuArgs::virttype,
            Xdr.STRING, CompareHypervisorCpuArgs::xmlCPU,
            Xdr.UINT, CompareHypervisorCpuArgs::flags);
}
