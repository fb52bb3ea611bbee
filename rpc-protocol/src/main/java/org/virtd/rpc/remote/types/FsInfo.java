package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import org.virtd.rpc.message.Limits;

import java.util.List;

/** {@code remote_domain_fsinfo}: one mounted guest file system and the domain disks under it. */
public record FsInfo(String mountpoint, String name, String fstype, List<String> devAliases) {

    public static final XdrCodec<FsInfo> CODEC = Struct.of(FsInfo::new,
            Xdr.STRING, FsInfo::mountpoint,
            Xdr.STRING, FsInfo::name,
            Xdr.STRING, FsInfo::fstype,
            Xdr.array(Xdr.STRING, Limits.DOMAIN_FSINFO_DISKS_MAX), FsInfo::devAliases);
}
