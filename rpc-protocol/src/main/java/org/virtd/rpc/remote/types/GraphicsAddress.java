package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_event_graphics_address}: one end of a graphics connection. */
public record GraphicsAddress(int family, String node, String service) {

    public static final XdrCodec<GraphicsAddress> CODEC = Struct.of(GraphicsAddress::new,
            Xdr.INT, GraphicsAddress::family,
            Xdr.STRING, GraphicsAddress::node,
            Xdr.STRING, GraphicsAddress::service);
}
