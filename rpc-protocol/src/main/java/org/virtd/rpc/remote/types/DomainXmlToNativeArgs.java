package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_connect_domain_xml_to_native_args}. */
public record DomainXmlToNativeArgs(String nativeFormat, String domainXml, int flags) {

    public static final XdrCodec<DomainXmlToNativeArgs> CODEC = Struct.of(DomainXmlToNativeArgs::new,
            Xdr.STRING, DomainXmlToNativeArgs::nativeFormat,
            Xdr.STRING, DomainXmlToNativeArgs::domainXml,
            Xdr.UINT, DomainXmlToNativeArgs::flags);
}
