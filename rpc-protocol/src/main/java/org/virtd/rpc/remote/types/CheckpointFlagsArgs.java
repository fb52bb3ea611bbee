package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A checkpoint and flags ({@code remote_domain_checkpoint_get_xml_desc_args}). */
public record CheckpointFlagsArgs(CheckpointRef checkpoint, int flags) {

    public static final XdrCodec<CheckpointFlagsArgs> CODEC = Struct.of(CheckpointFlagsArgs::new,
            CheckpointRef.CODEC, CheckpointFlagsArgs::checkpoint,
            Xdr.UINT, CheckpointFlagsArgs::flags);
}
