package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.blockjob.DomainBackups;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

import java.util.function.Supplier;

/** The backup calls of the QEMU driver (virsh backup-begin, backup-dumpxml) over {@link DomainBackups}. */
final class BackupHandlers {
    private final DomainLookup lookup;
    private final Supplier<DomainBackups> backups;

    BackupHandlers(DomainLookup lookup, Supplier<DomainBackups> backups) {
        this.lookup = lookup;
        this.backups = backups;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_BACKUP_BEGIN, (c, a) -> {
            DomainObject dom = lookup.resolve(a.domain());
            DomainLookup.checkFlags(a.flags(), DomainBackups.BEGIN_REUSE_EXTERNAL, "qemuBackupBegin");
            return DomainLookup.locked(dom, () -> {
                backups().begin(dom, a.backupXml(), a.checkpointXml(), a.flags());
                return null;
            });
        });
        t.on(RemoteProgram.DOMAIN_BACKUP_GET_XML_DESC, (c, a) -> {
            DomainObject dom = lookup.resolve(a.domain());
            DomainLookup.checkFlags(a.flags(), 0, "qemuBackupGetXMLDesc");
            return backups().xml(dom);
        });
    }

    private DomainBackups backups() throws VirtException {
        DomainBackups b = backups.get();
        if (b == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return b;
    }
}
