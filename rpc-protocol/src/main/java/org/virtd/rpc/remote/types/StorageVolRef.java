package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_nonnull_storage_vol}: a volume by its pool's name, its own name and its key. */
public record StorageVolRef(String pool, String name, String key) {

    public static final XdrCodec<StorageVolRef> CODEC = Struct.of(StorageVolRef::new,
            Xdr.STRING, StorageVolRef::pool,
            Xdr.STRING, StorageVolRef::name,
            Xdr.STRING, StorageVolRef::key);
}
