package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_event_graphics_identity}: one authenticated identity of a graphics client. */
public record GraphicsIdentity(String type, String name) {

    public static final XdrCodec<GraphicsIdentity> CODEC = Struct.of(GraphicsIdentity::new,
            Xdr.STRING, GraphicsIdentity::type,
            Xdr.STRING, GraphicsIdentity::name);
}
