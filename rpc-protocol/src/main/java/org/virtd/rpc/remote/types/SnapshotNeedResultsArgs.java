package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A snapshot, {@code need_results} and flags ({@code remote_domain_snapshot_list_all_children_args}). */
public record SnapshotNeedResultsArgs(SnapshotRef snapshot, int needResults, int flags) {

    public static final XdrCodec<SnapshotNeedResultsArgs> CODEC = Struct.of(SnapshotNeedResultsArgs::new,
            SnapshotRef.CODEC, SnapshotNeedResultsArgs::snapshot,
            Xdr.INT, SnapshotNeedResultsArgs::needResults,
            Xdr.UINT, SnapshotNeedResultsArgs::flags);
}
