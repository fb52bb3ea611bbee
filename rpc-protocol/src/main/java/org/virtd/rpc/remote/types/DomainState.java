package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_state_ret}: {@code VIR_DOMAIN_*} state and its reason. */
public record DomainState(int state, int reason) {

    public static final XdrCodec<DomainState> CODEC = Struct.of(DomainState::new,
            Xdr.INT, DomainState::state,
            Xdr.INT, DomainState::reason);
}
