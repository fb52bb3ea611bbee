package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A snapshot and flags ({@code remote_domain_snapshot_get_xml_desc_args}). */
public record SnapshotFlagsArgs(SnapshotRef snapshot, int flags) {

    public static final XdrCodec<SnapshotFlagsArgs> CODEC = Struct.of(SnapshotFlagsArgs::new,
            SnapshotRef.CODEC, SnapshotFlagsArgs::snapshot,
            Xdr.UINT, SnapshotFlagsArgs::flags);
}
