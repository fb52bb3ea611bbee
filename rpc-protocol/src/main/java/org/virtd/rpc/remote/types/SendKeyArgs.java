package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_domain_send_key_args}. */
public record SendKeyArgs(DomainRef domain, int codeset, int holdtime, List<Integer> keycodes, int flags) {

    public static final XdrCodec<SendKeyArgs> CODEC = Struct.of(SendKeyArgs::new,
            DomainRef.CODEC, SendKeyArgs::domain,
            Xdr.UINT, SendKeyArgs::codeset,
            Xdr.UINT, SendKeyArgs::holdtime,
            Xdr.array(Xdr.UINT, Limits.DOMAIN_SEND_KEY_MAX), SendKeyArgs::keycodes,
            Xdr.UINT, SendKeyArgs::flags);
}
