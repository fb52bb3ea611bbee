package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * {@code remote_domain_migrate_set_max_speed_args} and {@code ..._set_max_downtime_args}: a
 * domain, one unsigned hyper (bandwidth in MiB/s or downtime in ms) and flags.
 */
public record MigrateValueArgs(DomainRef domain, long value, int flags) {

    public static final XdrCodec<MigrateValueArgs> CODEC = Struct.of(MigrateValueArgs::new,
            DomainRef.CODEC, MigrateValueArgs::domain,
            Xdr.UHYPER, MigrateValueArgs::value,
            Xdr.UINT, MigrateValueArgs::flags);
}
