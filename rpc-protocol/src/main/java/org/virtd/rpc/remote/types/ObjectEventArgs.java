package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * The args of the network, storage pool, node device and secret event registrations
 * ({@code remote_connect_network_event_register_any_args} and siblings): the event id and an
 * optional object the callback is limited to.
 */
public record ObjectEventArgs<T>(int eventId, T object) {

    /** @param object the codec of the object reference; it is sent as an optional pointer */
    public static <T> XdrCodec<ObjectEventArgs<T>> codec(XdrCodec<T> object) {
        return Struct.of(ObjectEventArgs<T>::new, Xdr.INT, ObjectEventArgs::eventId,
                Xdr.optional(object), ObjectEventArgs::object);
    }
}
