package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_pin_emulator_args}: the emulator threads' new host-CPU bitmap. */
public record PinEmulatorArgs(DomainRef domain, byte[] cpumap, int flags) {

    public static final XdrCodec<PinEmulatorArgs> CODEC = Struct.of(PinEmulatorArgs::new,
            DomainRef.CODEC, PinEmulatorArgs::domain,
            Xdr.opaque(Limits.CPUMAP_MAX), PinEmulatorArgs::cpumap,
            Xdr.UINT, PinEmulatorArgs::flags);
}
