package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_connect_get_domain_capabilities_args}: every selector is optional. */
public record DomainCapabilitiesArgs(String emulatorbin, String arch, String machine, String virttype, int flags) {

    public static final XdrCodec<DomainCapabilitiesArgs> CODEC = Struct.of(DomainCapabilitiesArgs::new,
            Xdr.OPT_STRING, DomainCapabilitiesArgs::emulatorbin,
            Xdr.OPT_STRING, DomainCapabilitiesArgs::arch,
            Xdr.OPT_STRING, DomainCapabilitiesArgs::machine,
            Xdr.OPT_STRING, DomainCapabilitiesArgs::virttype,
            Xdr.UINT, DomainCapabilitiesArgs::flags);
}
