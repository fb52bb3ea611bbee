package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_domain_interface}: one guest interface and its addresses. */
public record DomainInterface(String name, String hwaddr, List<IpAddress> addrs) {

    public static final XdrCodec<DomainInterface> CODEC = Struct.of(DomainInterface::new,
            Xdr.STRING, DomainInterface::name,
            Xdr.OPT_STRING, DomainInterface::hwaddr,
            Xdr.array(IpAddress.CODEC, Limits.IP_ADDR_MAX), DomainInterface::addrs);
}
