package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_device_lookup_scsi_host_by_wwn_args}: WWNN, WWPN and flags. */
public record WwnLookupArgs(String wwnn, String wwpn, int flags) {

    public static final XdrCodec<WwnLookupArgs> CODEC = Struct.of(WwnLookupArgs::new,
            Xdr.STRING, WwnLookupArgs::wwnn,
            Xdr.STRING, WwnLookupArgs::wwpn,
            Xdr.UINT, WwnLookupArgs::flags);
}
