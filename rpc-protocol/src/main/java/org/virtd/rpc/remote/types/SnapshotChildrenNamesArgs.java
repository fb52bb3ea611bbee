package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A snapshot, the most child names wanted and flags ({@code remote_domain_snapshot_list_children_names_args}). */
public record SnapshotChildrenNamesArgs(SnapshotRef snapshot, int maxNames, int flags) {

    public static final XdrCodec<SnapshotChildrenNamesArgs> CODEC = Struct.of(SnapshotChildrenNamesArgs::new,
            SnapshotRef.CODEC, SnapshotChildrenNamesArgs::snapshot,
            Xdr.INT, SnapshotChildrenNamesArgs::maxNames,
            Xdr.UINT, SnapshotChildrenNamesArgs::flags);
}
