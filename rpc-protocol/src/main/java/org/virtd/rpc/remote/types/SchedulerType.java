package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_scheduler_type_ret}. */
public record SchedulerType(String type, int nparams) {

    public static final XdrCodec<SchedulerType> CODEC = Struct.of(SchedulerType::new,
            Xdr.STRING, SchedulerType::type,
            Xdr.INT, SchedulerType::nparams);
}
