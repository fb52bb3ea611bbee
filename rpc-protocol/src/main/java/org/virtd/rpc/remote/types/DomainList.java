package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/** {@code remote_connect_list_all_domains_ret}: the domains (empty when not asked for) and their count. */
public record DomainList(List<DomainRef> domains, int ret) {

    public static final XdrCodec<DomainList> CODEC = Struct.of(DomainList::new,
            Xdr.array(DomainRef.CODEC, Limits.DOMAIN_LIST_MAX), DomainList::domains,
            Xdr.UINT, DomainList::ret);
}
