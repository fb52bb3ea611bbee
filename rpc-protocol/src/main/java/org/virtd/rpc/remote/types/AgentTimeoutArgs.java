package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_agent_set_response_timeout_args}: seconds, or -2 block, -1 default, 0 no wait. */
public record AgentTimeoutArgs(DomainRef domain, int timeout, int flags) {

    public static final XdrCodec<AgentTimeoutArgs> CODEC = Struct.of(AgentTimeoutArgs::new,
            DomainRef.CODEC, AgentTimeoutArgs::domain,
            Xdr.INT, AgentTimeoutArgs::timeout,
            Xdr.UINT, AgentTimeoutArgs::flags);
}
