package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** A domain and a path or device name (save target, block stats path, interface device). */
public record DomainPathArgs(DomainRef domain, String path) {

    public static final XdrCodec<DomainPathArgs> CODEC = Struct.of(DomainPathArgs::new,
            DomainRef.CODEC, DomainPathArgs::domain,
            Xdr.STRING, DomainPathArgs::path);
}
