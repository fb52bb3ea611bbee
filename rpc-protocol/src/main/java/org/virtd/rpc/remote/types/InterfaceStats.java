package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_interface_stats_ret}. */
public record InterfaceStats(long rxBytes, long rxPackets, long rxErrs, long rxDrop, long txBytes, long txPackets, long txErrs, long txDrop) {

    public static final XdrCodec<InterfaceStats> CODEC = Struct.of(InterfaceStats::new,
            Xdr.HYPER, InterfaceStats::rxBytes,
            Xdr.HYPER, InterfaceStats::rxPackets,
            Xdr.HYPER, InterfaceStats::rxErrs,
            Xdr.HYPER, InterfaceStats::rxDrop,
            Xdr.HYPER, InterfaceStats::txBytes,
            Xdr.HYPER, InterfaceStats::txPackets,
            Xdr.HYPER, InterfaceStats::txErrs,
            Xdr.HYPER, InterfaceStats::txDrop);
}
