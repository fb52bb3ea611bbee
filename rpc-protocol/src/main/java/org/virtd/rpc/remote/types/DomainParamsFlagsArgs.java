package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/**
 * A domain and typed parameters to set, with flags: {@code remote_domain_set_memory_parameters_args},
 * {@code remote_domain_set_blkio_parameters_args}, {@code remote_domain_set_numa_parameters_args} and
 * {@code remote_domain_set_scheduler_parameters_flags_args}; {@link #NO_FLAGS} is
 * {@code remote_domain_set_scheduler_parameters_args}, which has no flags word (flags read as 0).
 */
public record DomainParamsFlagsArgs(DomainRef domain, List<TypedParam> params, int flags) {

    public static final XdrCodec<DomainParamsFlagsArgs> MEMORY = codec(Limits.DOMAIN_MEMORY_PARAMETERS_MAX);
    public static final XdrCodec<DomainParamsFlagsArgs> BLKIO = codec(Limits.DOMAIN_BLKIO_PARAMETERS_MAX);
    public static final XdrCodec<DomainParamsFlagsArgs> SCHEDULER = codec(Limits.DOMAIN_SCHEDULER_PARAMETERS_MAX);
    public static final XdrCodec<DomainParamsFlagsArgs> NUMA = codec(Limits.DOMAIN_NUMA_PARAMETERS_MAX);
    public static final XdrCodec<DomainParamsFlagsArgs> NO_FLAGS = Struct.of(
            (DomainRef d, List<TypedParam> p) -> new DomainParamsFlagsArgs(d, p, 0),
            DomainRef.CODEC, DomainParamsFlagsArgs::domain,
            TypedParam.list(Limits.DOMAIN_SCHEDULER_PARAMETERS_MAX), DomainParamsFlagsArgs::params);

    private static XdrCodec<DomainParamsFlagsArgs> codec(int max) {
        return Struct.of(DomainParamsFlagsArgs::new,
                DomainRef.CODEC, DomainParamsFlagsArgs::domain,
                TypedParam.list(max), DomainParamsFlagsArgs::params,
                Xdr.UINT, DomainParamsFlagsArgs::flags);
    }
}
