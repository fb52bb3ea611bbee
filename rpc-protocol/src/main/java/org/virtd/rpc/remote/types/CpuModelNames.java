package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_connect_get_cpu_model_names_ret}: the names (empty unless asked for) and their count. */
public record CpuModelNames(List<String> models, int ret) {

    public static final XdrCodec<CpuModelNames> CODEC = Struct.of(CpuModelNames::new,
            Xdr.array(Xdr.STRING, Limits.CPU_MODELS_MAX), CpuModelNames::models,
            Xdr.INT, CpuModelNames::ret);
}
