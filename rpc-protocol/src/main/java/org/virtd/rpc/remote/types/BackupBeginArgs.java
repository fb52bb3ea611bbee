package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_backup_begin_args}: the backup XML, an optional checkpoint XML, flags. */
public record BackupBeginArgs(DomainRef domain, String backupXml, String checkpointXml, int flags) {

    public static final XdrCodec<BackupBeginArgs> CODEC = Struct.of(BackupBeginArgs::new,
            DomainRef.CODEC, BackupBeginArgs::domain,
            Xdr.STRING, BackupBeginArgs::backupXml,
            Xdr.OPT_STRING, BackupBeginArgs::checkpointXml,
            Xdr.UINT, BackupBeginArgs::flags);
}
