package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code VIR_DOMAIN_EVENT_ID_JOB_COMPLETED} body: the job's final statistics. */
public record JobCompletedEvent(DomainRef domain, List<TypedParam> params) implements DomainEventBody {

    public static final XdrCodec<JobCompletedEvent> CODEC = Struct.of(JobCompletedEvent::new,
            DomainRef.CODEC, JobCompletedEvent::domain,
            TypedParam.list(Limits.DOMAIN_JOB_STATS_MAX), JobCompletedEvent::params);
}
