package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_control_info_ret}. */
public record ControlInfo(int state, int details, long stateTime) {

    public static final XdrCodec<ControlInfo> CODEC = Struct.of(ControlInfo::new,
            Xdr.UINT, ControlInfo::state,
            Xdr.UINT, ControlInfo::details,
            Xdr.UHYPER, ControlInfo::stateTime);
}
