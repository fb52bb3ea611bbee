package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** An XML document and flags ({@code remote_connect_compare_cpu_args}, {@code remote_domain_define_xml_flags_args}, {@code remote_domain_create_xml_args}...). */
public record XmlFlagsArgs(String xml, int flags) {

    public static final XdrCodec<XmlFlagsArgs> CODEC = Struct.of(XmlFlagsArgs::new,
            Xdr.STRING, XmlFlagsArgs::xml,
            Xdr.UINT, XmlFlagsArgs::flags);
}
