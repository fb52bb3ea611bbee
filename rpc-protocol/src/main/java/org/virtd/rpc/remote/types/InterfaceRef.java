package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_nonnull_interface}: a host interface by name and MAC string. */
public record InterfaceRef(String name, String mac) {

    public static final XdrCodec<InterfaceRef> CODEC =
            Struct.of(InterfaceRef::new, Xdr.STRING, InterfaceRef::name, Xdr.STRING, InterfaceRef::mac);
}
