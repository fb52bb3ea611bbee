package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_info_ret}: state (uchar, 4 bytes), max and current memory in KiB, vCPU count (ushort, 4 bytes), CPU time in ns. */
public record DomainInfo(int state, long maxMem, long memory, int nrVirtCpu, long cpuTime) {

    public static final XdrCodec<DomainInfo> CODEC = Struct.of(DomainInfo::new,
            Xdr.INT, DomainInfo::state,
            Xdr.UHYPER, DomainInfo::maxMem,
            Xdr.UHYPER, DomainInfo::memory,
            Xdr.INT, DomainInfo::nrVirtCpu,
            Xdr.UHYPER, DomainInfo::cpuTime);
}
