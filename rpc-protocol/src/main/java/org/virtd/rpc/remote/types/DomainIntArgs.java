package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain and one int ({@code remote_domain_set_autostart_args} autostart, {@code remote_domain_set_vcpus_args} nvcpus, {@code remote_domain_get_scheduler_parameters_args} nparams). */
public record DomainIntArgs(DomainRef domain, int value) {

    public static final XdrCodec<DomainIntArgs> CODEC = Struct.of(DomainIntArgs::new,
            DomainRef.CODEC, DomainIntArgs::domain,
            Xdr.INT, DomainIntArgs::value);
}
