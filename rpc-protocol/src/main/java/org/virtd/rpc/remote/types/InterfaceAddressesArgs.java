package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_interface_addresses_args}: source 0 LEASE, 1 AGENT, 2 ARP. */
public record InterfaceAddressesArgs(DomainRef domain, int source, int flags) {

    public static final XdrCodec<InterfaceAddressesArgs> CODEC = Struct.of(InterfaceAddressesArgs::new,
            DomainRef.CODEC, InterfaceAddressesArgs::domain,
            Xdr.UINT, InterfaceAddressesArgs::source,
            Xdr.UINT, InterfaceAddressesArgs::flags);
}
