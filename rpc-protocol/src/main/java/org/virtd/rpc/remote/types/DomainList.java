package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/**
 * {@code remote_connect_list_all_domains_ret}: the domains (empty when not asked for) and their
 * count. More than {@code REMOTE_DOMAIN_LIST_MAX} domains is refused as libvirtd refuses them,
 * "Too many domains", instead of a reply the client cannot decode.
 */
public record DomainList(List<DomainRef> domains, int ret) {

    public static final XdrCodec<DomainList> CODEC = Struct.of(DomainList::new,
            Xdr.array(DomainRef.CODEC, Limits.DOMAIN_LIST_MAX, "domains"), DomainList::domains,
            Xdr.UINT, DomainList::ret);
}
