package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import org.virtd.rpc.message.Limits;

import java.util.List;

/** {@code remote_domain_get_fsinfo_ret}: the file systems and their count. */
public record FsInfoList(List<FsInfo> info, int ret) {

    public static final XdrCodec<FsInfoList> CODEC = Struct.of(FsInfoList::new,
            Xdr.array(FsInfo.CODEC, Limits.DOMAIN_FSINFO_MAX), FsInfoList::info,
            Xdr.UINT, FsInfoList::ret);
}
