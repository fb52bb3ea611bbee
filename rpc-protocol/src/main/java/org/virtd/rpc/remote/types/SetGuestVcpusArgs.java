package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_set_guest_vcpus_args}: a CPU list to bring online (state 1) or offline (0). */
public record SetGuestVcpusArgs(DomainRef domain, String cpumap, int state, int flags) {

    public static final XdrCodec<SetGuestVcpusArgs> CODEC = Struct.of(SetGuestVcpusArgs::new,
            DomainRef.CODEC, SetGuestVcpusArgs::domain,
            Xdr.STRING, SetGuestVcpusArgs::cpumap,
            Xdr.INT, SetGuestVcpusArgs::state,
            Xdr.UINT, SetGuestVcpusArgs::flags);
}
