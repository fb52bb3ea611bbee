package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_connect_get_cpu_model_names_args}. */
public record CpuModelNamesArgs(String arch, int needResults, int flags) {

    public static final XdrCodec<CpuModelNamesArgs> CODEC = Struct.of(CpuModelNamesArgs::new,
            Xdr.STRING, CpuModelNamesArgs::arch,
            Xdr.INT, CpuModelNamesArgs::needResults,
            Xdr.UINT, CpuModelNamesArgs::flags);
}
