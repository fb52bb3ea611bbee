package org.virtd.rpc.remote.types;

import java.util.List;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_connect_baseline_cpu_args}: the CPU XML documents to combine and flags. */
public record BaselineCpuArgs(List<String> xmlCPUs, int flags) {

    public static final XdrCodec<BaselineCpuArgs> CODEC = Struct.of(BaselineCpuArgs::new,
            Xdr.array(Xdr.STRING, Limits.CPU_BASELINE_MAX), BaselineCpuArgs::xmlCPUs,
            Xdr.UINT, BaselineCpuArgs::flags);
}
