package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain event body preceded by the callback id the client registered (the 316 path). */
public record CallbackEvent<B>(int callbackId, B body) {

    /** The codec for events of type {@code body}, built on first use (see {@link Xdr#lazy(Class)}). */
    public static <B> XdrCodec<CallbackEvent<B>> codec(Class<B> body) {
        return Xdr.lazy(body, CallbackEvent::codec);
    }

    public static <B> XdrCodec<CallbackEvent<B>> codec(XdrCodec<B> body) {
        return org.virtd.rpc.xdr.Struct.of(CallbackEvent<B>::new,
                Xdr.INT, CallbackEvent::callbackId, body, CallbackEvent::body);
    }
}
