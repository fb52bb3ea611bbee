package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain, a device XML and flags (attach/detach/update device with flags). */
public record DomainXmlFlagsArgs(DomainRef domain, String xml, int flags) {

    public static final XdrCodec<DomainXmlFlagsArgs> CODEC = Struct.of(DomainXmlFlagsArgs::new,
            DomainRef.CODEC, DomainXmlFlagsArgs::domain,
            Xdr.STRING, DomainXmlFlagsArgs::xml,
            Xdr.UINT, DomainXmlFlagsArgs::flags);
}
