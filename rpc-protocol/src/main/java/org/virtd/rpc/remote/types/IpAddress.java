package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_ip_addr}: type 0 IPv4, 1 IPv6. */
public record IpAddress(int type, String addr, int prefix) {

    public static final XdrCodec<IpAddress> CODEC = Struct.of(IpAddress::new,
            Xdr.INT, IpAddress::type,
            Xdr.STRING, IpAddress::addr,
            Xdr.UINT, IpAddress::prefix);
}
