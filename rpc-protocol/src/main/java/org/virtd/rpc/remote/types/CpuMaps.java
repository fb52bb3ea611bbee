package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * {@code remote_domain_get_vcpu_pin_info_ret} and {@code remote_domain_get_emulator_pin_info_ret}:
 * the concatenated host-CPU bitmaps and a count (of vCPUs, or 1 for the emulator).
 */
public record CpuMaps(byte[] cpumaps, int num) {

    public static final XdrCodec<CpuMaps> CODEC = Struct.of(CpuMaps::new,
            Xdr.opaque(Limits.CPUMAPS_MAX), CpuMaps::cpumaps,
            Xdr.INT, CpuMaps::num);
}
