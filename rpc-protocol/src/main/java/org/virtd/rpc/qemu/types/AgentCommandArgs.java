package org.virtd.rpc.qemu.types;

import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code qemu_domain_agent_command_args}: a guest agent command with a timeout in seconds. */
public record AgentCommandArgs(DomainRef domain, String cmd, int timeout, int flags) {

    public static final XdrCodec<AgentCommandArgs> CODEC = Struct.of(AgentCommandArgs::new,
            DomainRef.CODEC, AgentCommandArgs::domain,
            Xdr.STRING, AgentCommandArgs::cmd,
            Xdr.INT, AgentCommandArgs::timeout,
            Xdr.UINT, AgentCommandArgs::flags);
}
