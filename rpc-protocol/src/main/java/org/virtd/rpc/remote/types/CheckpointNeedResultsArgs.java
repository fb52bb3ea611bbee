package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A checkpoint, {@code need_results} and flags ({@code remote_domain_checkpoint_list_all_children_args}). */
public record CheckpointNeedResultsArgs(CheckpointRef checkpoint, int needResults, int flags) {

    public static final XdrCodec<CheckpointNeedResultsArgs> CODEC = Struct.of(CheckpointNeedResultsArgs::new,
            CheckpointRef.CODEC, CheckpointNeedResultsArgs::checkpoint,
            Xdr.INT, CheckpointNeedResultsArgs::needResults,
            Xdr.UINT, CheckpointNeedResultsArgs::flags);
}
