package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code nparams} (two-pass count) and flags ({@code remote_node_get_memory_parameters_args}). */
public record NParamsFlagsArgs(int nparams, int flags) {

    public static final XdrCodec<NParamsFlagsArgs> CODEC = Struct.of(NParamsFlagsArgs::new,
            Xdr.INT, NParamsFlagsArgs::nparams,
            Xdr.UINT, NParamsFlagsArgs::flags);
}
