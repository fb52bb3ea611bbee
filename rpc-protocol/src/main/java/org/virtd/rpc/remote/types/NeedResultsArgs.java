package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code need_results} and flags, the args of the list-all calls ({@code remote_connect_list_all_domains_args}). */
public record NeedResultsArgs(int needResults, int flags) {

    public static final XdrCodec<NeedResultsArgs> CODEC = Struct.of(NeedResultsArgs::new,
            Xdr.INT, NeedResultsArgs::needResults,
            Xdr.UINT, NeedResultsArgs::flags);
}
