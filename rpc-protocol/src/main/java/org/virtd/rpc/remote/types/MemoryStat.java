package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_memory_stat}: one balloon statistic (tag = {@code VIR_DOMAIN_MEMORY_STAT_*}). */
public record MemoryStat(int tag, long val) {

    public static final XdrCodec<MemoryStat> CODEC = Struct.of(MemoryStat::new,
            Xdr.INT, MemoryStat::tag,
            Xdr.UHYPER, MemoryStat::val);
}
