package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain, {@code need_results} and flags ({@code remote_domain_list_all_snapshots_args}). */
public record DomainNeedResultsArgs(DomainRef domain, int needResults, int flags) {

    public static final XdrCodec<DomainNeedResultsArgs> CODEC = Struct.of(DomainNeedResultsArgs::new,
            DomainRef.CODEC, DomainNeedResultsArgs::domain,
            Xdr.INT, DomainNeedResultsArgs::needResults,
            Xdr.UINT, DomainNeedResultsArgs::flags);
}
