package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * {@code remote_domain_open_graphics_fd_args}, and {@code remote_domain_open_graphics_args} which
 * has the same fields: which graphics device, flags (1 SKIPAUTH).
 */
public record OpenGraphicsFdArgs(DomainRef domain, int idx, int flags) {

    public static final XdrCodec<OpenGraphicsFdArgs> CODEC = Struct.of(OpenGraphicsFdArgs::new,
            DomainRef.CODEC, OpenGraphicsFdArgs::domain,
            Xdr.UINT, OpenGraphicsFdArgs::idx,
            Xdr.UINT, OpenGraphicsFdArgs::flags);
}
