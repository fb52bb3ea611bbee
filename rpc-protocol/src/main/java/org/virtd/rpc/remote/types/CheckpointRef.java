package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_nonnull_domain_checkpoint}. */
public record CheckpointRef(String name, DomainRef domain) {

    public static final XdrCodec<CheckpointRef> CODEC = Struct.of(CheckpointRef::new,
            Xdr.STRING, CheckpointRef::name,
            DomainRef.CODEC, CheckpointRef::domain);
}
