package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_emulator_pin_info_args}: the bitmap length the caller takes. */
public record EmulatorPinInfoArgs(DomainRef domain, int maplen, int flags) {

    public static final XdrCodec<EmulatorPinInfoArgs> CODEC = Struct.of(EmulatorPinInfoArgs::new,
            DomainRef.CODEC, EmulatorPinInfoArgs::domain,
            Xdr.INT, EmulatorPinInfoArgs::maplen,
            Xdr.UINT, EmulatorPinInfoArgs::flags);
}
