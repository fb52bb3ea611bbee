package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_secret_lookup_by_usage_args}: the usage type and the usage id. */
public record SecretUsageArgs(int usageType, String usageId) {

    public static final XdrCodec<SecretUsageArgs> CODEC = Struct.of(SecretUsageArgs::new,
            Xdr.INT, SecretUsageArgs::usageType,
            Xdr.STRING, SecretUsageArgs::usageId);
}
