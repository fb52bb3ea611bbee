package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE} body: guest agent state and reason. */
public record AgentLifecycleEvent(DomainRef domain, int state, int reason) implements DomainEventBody {

    public static final XdrCodec<AgentLifecycleEvent> CODEC = Struct.of(AgentLifecycleEvent::new,
            DomainRef.CODEC, AgentLifecycleEvent::domain,
            Xdr.INT, AgentLifecycleEvent::state,
            Xdr.INT, AgentLifecycleEvent::reason);
}
