package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * {@code remote_nonnull_network}, {@code remote_nonnull_storage_pool} and
 * {@code remote_nonnull_nwfilter}: the three share the layout {@code name s, uuid opaque[16]}.
 */
public record NameUuidRef(String name, byte[] uuid) {

    public static final XdrCodec<NameUuidRef> CODEC =
            Struct.of(NameUuidRef::new, Xdr.STRING, NameUuidRef::name, Xdr.UUID, NameUuidRef::uuid);
}
