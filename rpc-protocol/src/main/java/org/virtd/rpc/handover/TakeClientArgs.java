package org.virtd.rpc.handover;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * What the daemon must know to carry on where the proxy stops: whether the client asked for
 * keepalive (the daemon then pings it), and the bytes the proxy had read from the client but not
 * yet passed on (the start of a packet), which the daemon reads first.
 */
public record TakeClientArgs(boolean keepalive, byte[] unread) {

    public static final XdrCodec<TakeClientArgs> CODEC = Struct.of(TakeClientArgs::new,
            Xdr.BOOL, TakeClientArgs::keepalive, Xdr.opaque(Limits.MESSAGE_MAX), TakeClientArgs::unread);
}
