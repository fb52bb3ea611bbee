package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_domain_list_all_snapshots_ret}: the snapshots (empty when not asked for) and their count. */
public record SnapshotList(List<SnapshotRef> snapshots, int ret) {

    public static final XdrCodec<SnapshotList> CODEC = Struct.of(SnapshotList::new,
            Xdr.array(SnapshotRef.CODEC, Limits.DOMAIN_SNAPSHOT_LIST_MAX), SnapshotList::snapshots,
            Xdr.INT, SnapshotList::ret);
}
