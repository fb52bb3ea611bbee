package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_nonnull_nwfilter_binding}: a filter binding by its port device and filter name. */
public record NwfilterBindingRef(String portDev, String filterName) {

    public static final XdrCodec<NwfilterBindingRef> CODEC = Struct.of(NwfilterBindingRef::new,
            Xdr.STRING, NwfilterBindingRef::portDev,
            Xdr.STRING, NwfilterBindingRef::filterName);
}
