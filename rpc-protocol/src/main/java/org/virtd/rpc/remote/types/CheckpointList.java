package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_domain_list_all_checkpoints_ret}: the checkpoints (empty when not asked for) and their count. */
public record CheckpointList(List<CheckpointRef> checkpoints, int ret) {

    public static final XdrCodec<CheckpointList> CODEC = Struct.of(CheckpointList::new,
            Xdr.array(CheckpointRef.CODEC, Limits.DOMAIN_CHECKPOINT_LIST_MAX), CheckpointList::checkpoints,
            Xdr.INT, CheckpointList::ret);
}
