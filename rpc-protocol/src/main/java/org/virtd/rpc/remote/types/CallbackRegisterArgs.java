package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_connect_domain_event_callback_register_any_args}: the event id and an optional domain filter. */
public record CallbackRegisterArgs(int eventID, DomainRef domain) {

    public static final XdrCodec<CallbackRegisterArgs> CODEC = Struct.of(CallbackRegisterArgs::new,
            Xdr.INT, CallbackRegisterArgs::eventID,
            DomainRef.OPTIONAL, CallbackRegisterArgs::domain);
}
