package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain and a device XML ({@code remote_domain_attach_device_args}, {@code ..._detach_device_args}). */
public record DomainXmlArgs(DomainRef domain, String xml) {

    public static final XdrCodec<DomainXmlArgs> CODEC = Struct.of(DomainXmlArgs::new,
            DomainRef.CODEC, DomainXmlArgs::domain,
            Xdr.STRING, DomainXmlArgs::xml);
}
