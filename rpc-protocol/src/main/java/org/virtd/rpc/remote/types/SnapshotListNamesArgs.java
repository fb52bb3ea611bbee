package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain, the most names wanted and flags ({@code remote_domain_snapshot_list_names_args}). */
public record SnapshotListNamesArgs(DomainRef domain, int maxNames, int flags) {

    public static final XdrCodec<SnapshotListNamesArgs> CODEC = Struct.of(SnapshotListNamesArgs::new,
            DomainRef.CODEC, SnapshotListNamesArgs::domain,
            Xdr.INT, SnapshotListNamesArgs::maxNames,
            Xdr.UINT, SnapshotListNamesArgs::flags);
}
