package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain, a snapshot name and flags ({@code remote_domain_snapshot_lookup_by_name_args}). */
public record SnapshotLookupArgs(DomainRef domain, String name, int flags) {

    public static final XdrCodec<SnapshotLookupArgs> CODEC = Struct.of(SnapshotLookupArgs::new,
            DomainRef.CODEC, SnapshotLookupArgs::domain,
            Xdr.STRING, SnapshotLookupArgs::name,
            Xdr.UINT, SnapshotLookupArgs::flags);
}
