package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_nonnull_secret}: uuid, usage type and usage id. */
public record SecretRef(byte[] uuid, int usageType, String usageId) {

    public static final XdrCodec<SecretRef> CODEC = Struct.of(SecretRef::new,
            Xdr.UUID, SecretRef::uuid,
            Xdr.INT, SecretRef::usageType,
            Xdr.STRING, SecretRef::usageId);
}
