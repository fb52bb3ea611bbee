package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code VIR_DOMAIN_EVENT_ID_GRAPHICS} body: a graphics client connected, authenticated or left. */
public record GraphicsEvent(DomainRef domain, int phase, GraphicsAddress local, GraphicsAddress remote, String authScheme, List<GraphicsIdentity> subject) implements DomainEventBody {

    public static final XdrCodec<GraphicsEvent> CODEC = Struct.of(GraphicsEvent::new,
            DomainRef.CODEC, GraphicsEvent::domain,
            Xdr.INT, GraphicsEvent::phase,
            GraphicsAddress.CODEC, GraphicsEvent::local,
            GraphicsAddress.CODEC, GraphicsEvent::remote,
            Xdr.STRING, GraphicsEvent::authScheme,
            Xdr.array(GraphicsIdentity.CODEC, 20), GraphicsEvent::subject);
}
