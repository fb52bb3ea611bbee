package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_nonnull_domain_snapshot}. */
public record SnapshotRef(String name, DomainRef domain) {

    public static final XdrCodec<SnapshotRef> CODEC = Struct.of(SnapshotRef::new,
            Xdr.STRING, SnapshotRef::name,
            DomainRef.CODEC, SnapshotRef::domain);
}
