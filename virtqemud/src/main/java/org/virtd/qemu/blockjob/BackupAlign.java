package org.virtd.qemu.blockjob;

import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A backup definition completed against the guest's disks (libvirt's virDomainBackupAlignDisks):
 * the disks asked for first, then every other disk, backed up only when none was named and it
 * has writable media; default files {@code <source>.<suffix>}, qcow2, and each disk's mode
 * (incremental when a checkpoint is named for it or for the whole backup).
 */
final class BackupAlign {
    private BackupAlign() {
    }

    static List<BackupXml.Asked> disks(BackupXml.Parsed p, DomainDef live, String suffix) throws VirtException {
        List<DiskDef> domain = live.devices() == null ? List.of() : live.devices().disks();
        if (domain.isEmpty()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "domain must have at least one disk to perform backup");
        }
        Set<String> named = new HashSet<>();
        List<BackupXml.Asked> out = new ArrayList<>();
        for (BackupXml.Asked a : p.disks()) {
            DiskDef d = domain.stream().filter(x -> x.targetDev().equals(a.name())).findFirst().orElse(null);
            if (d == null) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "no disk named '" + a.name() + "'");
            }
            if (!named.add(a.name())) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "disk '" + a.name() + "' specified twice");
            }
            if (BackupXml.INCREMENTAL.equals(a.mode()) && a.incremental() == null && p.incremental() == null) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "'incremental' backup mode of disk '"
                        + a.name() + "' requires setting 'incremental' field for disk or backup");
            }
            boolean backup = !Boolean.FALSE.equals(a.backup());
            if (backup && d.source() == null) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "disk '" + a.name() + "' has no media");
            }
            out.add(complete(p, a, d, backup, suffix));
        }
        boolean all = p.disks().isEmpty();
        for (DiskDef d : domain) {
            if (!named.contains(d.targetDev())) {
                boolean backup = all && d.source() != null && !d.readonly();
                out.add(complete(p, new BackupXml.Asked(d.targetDev(), backup, null, null, null, null, null, null), d,
                        backup, suffix));
            }
        }
        return out;
    }

    private static BackupXml.Asked complete(BackupXml.Parsed p, BackupXml.Asked a, DiskDef d, boolean backup,
            String suffix) {
        if (!backup) {
            return new BackupXml.Asked(a.name(), false, null, null, null, null, null, null);
        }
        String mode = a.mode() != null ? a.mode()
                : p.incremental() != null || a.incremental() != null ? BackupXml.INCREMENTAL : BackupXml.FULL;
        String incremental = a.incremental() == null && BackupXml.INCREMENTAL.equals(mode) ? p.incremental()
                : a.incremental();
        return new BackupXml.Asked(a.name(), true, a.file() != null ? a.file() : d.source() + "." + suffix,
                a.format() != null ? a.format() : "qcow2", mode, incremental, a.exportName(), a.exportBitmap());
    }

    /** A pull backup's server: TCP on localhost when none is given, whose port must then be set. */
    static BackupXml.Server server(BackupXml.Parsed p) throws VirtException {
        if (!p.pull()) {
            return null;
        }
        BackupXml.Server s = p.server() != null ? p.server() : new BackupXml.Server("tcp", "localhost", 0, null);
        if ("tcp".equals(s.transport()) && s.port() == 0) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "<domainbackup> must specify TCP port for now");
        }
        return s;
    }
}
