package org.virtd.qemu.blockjob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainLifecycle;
import org.virtd.qemu.lifecycle.RunEventHook;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.qemu.qmp.QmpEvent;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.BlockJob2Event;
import org.virtd.rpc.remote.types.BlockJobEvent;
import org.virtd.rpc.remote.types.JobCompletedEvent;
import org.virtd.rpc.remote.types.JobStats;
import org.virtd.rpc.remote.types.TypedParam;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Push-mode backups of a running guest (libvirt 9.0's qemu_backup.c): each chosen disk gets a
 * new target image and node, one QMP transaction starts a {@code blockdev-backup} job per disk,
 * and once every job has concluded the nodes go, a failed or cancelled backup's new files too,
 * the domain job's final statistics are kept for {@code domjobinfo --completed}, and
 * JOB_COMPLETED then BLOCK_JOB / BLOCK_JOB_2 (type BACKUP) tell clients.
 */
public final class DomainBackups implements RunEventHook {
    public static final int BEGIN_REUSE_EXTERNAL = 1;
    private static final Logger LOG = LoggerFactory.getLogger(DomainBackups.class);
    private static final int BLOCK_JOB_TYPE_BACKUP = 5;
    private static final int JOB_OPERATION_BACKUP = 9;
    private static final int JOB_UNBOUNDED = 2;
    private static final int JOB_COMPLETED = 3;
    private static final int JOB_FAILED = 4;
    private static final int JOB_CANCELLED = 5;

    /** One disk of a running backup: its QEMU job and whether we made its target file. */
    private record Part(DiskDef disk, BackupXml.Disk xml, String job, boolean created) {
        String formatNode() {
            return "libvirt-" + xml.index() + "-format";
        }

        String storageNode() {
            return "libvirt-" + xml.index() + "-storage";
        }
    }

    private static final class Backup {
        final long started = System.currentTimeMillis();
        final String incremental;
        final List<Part> parts;
        final Map<String, JsonObject> concluded = new ConcurrentHashMap<>();
        volatile boolean aborted;

        Backup(String incremental, List<Part> parts) {
            this.incremental = incremental;
            this.parts = parts;
        }
    }

    private final DomainLifecycle lifecycle;
    private final Map<UUID, Backup> active = new ConcurrentHashMap<>();
    private final Map<UUID, JobStats> completed = new ConcurrentHashMap<>();

    public DomainBackups(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void begin(DomainObject dom, String backupXml, String checkpointXml, int flags) throws VirtException {
        RunningDomain rd = lifecycle.running(dom);
        if (rd == null || !dom.isActive() || rd.isStopped()) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "cannot perform disk backup for inactive domain");
        }
        BackupXml.Parsed p = BackupXml.parse(backupXml);
        if (!"push".equals(p.mode()) || p.incremental() != null || checkpointXml != null) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "only full push-mode backups without a new checkpoint are supported by this daemon yet");
        }
        if (active.containsKey(dom.uuid())) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "another operation is active on the domain");
        }
        DomainDef live = rd.live();
        List<DiskDef> disks = live.devices() == null ? List.of() : live.devices().disks();
        for (BackupXml.Asked a : p.disks()) {
            if (disks.stream().noneMatch(d -> d.targetDev().equals(a.name()))) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "no disk named '" + a.name() + "'");
            }
        }
        boolean reuse = (flags & BEGIN_REUSE_EXTERNAL) != 0;
        long suffix = System.currentTimeMillis() / 1000;
        List<BackupXml.Asked> chosen = new ArrayList<>();
        List<DiskDef> sources = new ArrayList<>();
        for (DiskDef d : disks) {
            BackupXml.Asked a = p.disks().stream().filter(x -> x.name().equals(d.targetDev())).findFirst().orElse(null);
            if ((a != null && Boolean.FALSE.equals(a.backup())) || d.source() == null || d.readonly()
                    || "cdrom".equals(d.device())) {
                continue;
            }
            String target = a != null && a.target() != null ? a.target() : d.source() + "." + suffix;
            if (!reuse && Files.exists(Path.of(target))) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "store '" + target + "' for backup of '" + d.targetDev() + "' exists");
            }
            chosen.add(new BackupXml.Asked(d.targetDev(), true, target,
                    a != null && a.format() != null ? a.format() : "qcow2"));
            sources.add(d);
        }
        QmpClient mon = BlockJobStarts.monitor(rd);
        List<Part> parts = new ArrayList<>();
        try {
            for (int i = 0; i < chosen.size(); i++) {
                parts.add(addTarget(rd, mon, sources.get(i), chosen.get(i), reuse));
            }
            List<JsonValue> actions = new ArrayList<>();
            for (Part part : parts) {
                actions.add(JsonObject.of("type", "blockdev-backup", "data", JsonObject.of(
                        "device", "libvirt-" + part.disk().sourceIndex() + "-format", "job-id", part.job(),
                        "target", part.formatNode(), "sync", "full", "auto-finalize", true, "auto-dismiss", false)));
            }
            Backup backup = new Backup(null, parts);
            active.put(dom.uuid(), backup);
            try {
                mon.execute("transaction", JsonObject.of("actions", new JsonArray(actions)));
            } catch (VirtException e) {
                active.remove(dom.uuid());
                throw e;
            }
        } catch (VirtException e) {
            for (Part part : parts) {
                BlockJobStarts.deleteNodes(mon, part.formatNode(), part.storageNode());
                if (part.created()) {
                    BlockJobStarts.quietlyDelete(Path.of(part.xml().target()));
                }
            }
            throw e;
        }
    }

    /** The target file and its nodes, as libvirt makes them (a new qcow2 through blockdev-create). */
    private static Part addTarget(RunningDomain rd, QmpClient mon, DiskDef disk, BackupXml.Asked a, boolean reuse)
            throws VirtException {
        int index = BlockJobs.of(rd).nextIndex(rd.live());
        Path file = Path.of(a.target());
        String storage = "libvirt-" + index + "-storage";
        String formatNode = "libvirt-" + index + "-format";
        DiskImages.Image top = DiskImages.of(disk).get(0);
        boolean created = false;
        try {
            if (!reuse || !Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                created = true;
                if ("raw".equals(a.format())) {
                    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                        f.setLength(BlockJobStarts.virtualSize(mon, top)[0]);
                    }
                }
            }
            mon.execute("blockdev-add", JsonObject.of("driver", "file", "filename", file.toString(), "node-name",
                    storage, "auto-read-only", true, "discard", "unmap"));
            if (created && !"raw".equals(a.format())) {
                BlockJobStarts.create(mon, top, index, storage, a.format(), null);
            }
            mon.execute("blockdev-add", JsonObject.of("node-name", formatNode, "read-only", false,
                    "driver", a.format(), "file", storage));
        } catch (IOException e) {
            if (created) {
                BlockJobStarts.quietlyDelete(file);
            }
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot create file '" + file + "': " + e.getMessage());
        } catch (VirtException e) {
            BlockJobStarts.deleteNodes(mon, formatNode, storage);
            if (created) {
                BlockJobStarts.quietlyDelete(file);
            }
            throw e;
        }
        return new Part(disk, new BackupXml.Disk(disk.targetDev(), a.target(), a.format(), index, null),
                "backup-" + disk.targetDev() + "-" + top.formatNode(), created);
    }

    /** virDomainBackupGetXMLDesc: the running backup. */
    public String xml(DomainObject dom) throws VirtException {
        Backup b = active.get(dom.uuid());
        if (b == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN_BACKUP, ErrorDomain.QEMU, "no domain backup job present");
        }
        return BackupXml.format(b.incremental, b.parts.stream().map(Part::xml).toList());
    }

    /**
     * The running backup's statistics, or null; {@code completedJob}: the last finished one's,
     * which a read forgets unless {@code keep} (libvirt's KEEP_COMPLETED).
     */
    public JobStats stats(DomainObject dom, boolean completedJob, boolean keep) throws VirtException {
        if (completedJob) {
            return keep ? completed.get(dom.uuid()) : completed.remove(dom.uuid());
        }
        Backup b = active.get(dom.uuid());
        RunningDomain rd = lifecycle.running(dom);
        if (b == null || rd == null) {
            return null;
        }
        long[] progress = progress(BlockJobStarts.monitor(rd), b);
        return new JobStats(JOB_UNBOUNDED, params(b, progress));
    }

    /** domjobabort: cancels every job of the running backup; false when there is none. */
    public boolean abort(DomainObject dom) throws VirtException {
        Backup b = active.get(dom.uuid());
        RunningDomain rd = lifecycle.running(dom);
        if (b == null || rd == null) {
            return false;
        }
        b.aborted = true;
        QmpClient mon = BlockJobStarts.monitor(rd);
        for (Part part : b.parts) {
            if (!b.concluded.containsKey(part.job())) {
                mon.execute("job-cancel", JsonObject.of("id", part.job()));
            }
        }
        return true;
    }

    @Override
    public void onEvent(RunningDomain rd, QmpEvent event) {
        if (!"JOB_STATUS_CHANGE".equals(event.name()) || !"concluded".equals(event.data().string("status", ""))) {
            return;
        }
        Backup b = active.get(rd.domain().uuid());
        String id = event.data().string("id", "");
        if (b == null || b.parts.stream().noneMatch(p -> p.job().equals(id))) {
            return;
        }
        try {
            QmpClient mon = BlockJobStarts.monitor(rd);
            JsonObject info = QmpJobs.find(mon, id);
            b.concluded.put(id, info == null ? JsonObject.EMPTY : info);
            if (b.concluded.size() == b.parts.size()) {
                finish(rd, mon, b);
            }
        } catch (VirtException | RuntimeException e) {
            LOG.warn("backup job '{}' of '{}': {}", id, rd.domain().name(), e.getMessage());
        }
    }

    private void finish(RunningDomain rd, QmpClient mon, Backup b) {
        DomainObject dom = rd.domain();
        long total = 0;
        long done = 0;
        String error = null;
        for (Part part : b.parts) {
            JsonObject info = b.concluded.get(part.job());
            total += info.number("total-progress", 0);
            done += info.number("current-progress", 0);
            if (error == null) {
                error = info.string("error", null);
            }
            try {
                mon.execute("job-dismiss", JsonObject.of("id", part.job()));
            } catch (VirtException e) {
                LOG.debug("backup job '{}' already dismissed: {}", part.job(), e.getMessage());
            }
            BlockJobStarts.deleteNodes(mon, part.formatNode(), part.storageNode());
        }
        boolean ok = error == null && !b.aborted;
        if (!ok) {
            for (Part part : b.parts) {
                if (part.created()) {
                    BlockJobStarts.quietlyDelete(Path.of(part.xml().target()));
                }
            }
        }
        List<TypedParam> params = new ArrayList<>(params(b, new long[] {total, done}));
        params.add(TypedParam.ofBoolean("success", ok));
        if (!ok) {
            params.add(TypedParam.ofString("errmsg", b.aborted ? "Operation canceled" : error));
        }
        completed.put(dom.uuid(), new JobStats(ok ? JOB_COMPLETED : b.aborted ? JOB_CANCELLED : JOB_FAILED, params));
        active.remove(dom.uuid());
        var ref = dom.ref();
        lifecycle.events().domainEvent(new JobCompletedEvent(ref, params));
        int status = ok ? 0 : b.aborted ? 2 : 1;
        for (Part part : b.parts) {
            if (part.disk().source() != null) {
                lifecycle.events().domainEvent(new BlockJobEvent(ref, part.disk().source(), BLOCK_JOB_TYPE_BACKUP,
                        status));
            }
            lifecycle.events().domainEvent(new BlockJob2Event(ref, part.disk().targetDev(), BLOCK_JOB_TYPE_BACKUP,
                    status));
        }
    }

    /** {total, processed} over the backup's jobs, from QEMU's progress counters. */
    private static long[] progress(QmpClient mon, Backup b) throws VirtException {
        long total = 0;
        long done = 0;
        for (JsonObject j : ((JsonArray) mon.execute("query-jobs", null)).objects()) {
            String id = j.string("id", "");
            if (b.parts.stream().anyMatch(p -> p.job().equals(id))) {
                total += j.number("total-progress", 0);
                done += j.number("current-progress", 0);
            }
        }
        return new long[] {total, done};
    }

    private static List<TypedParam> params(Backup b, long[] progress) {
        List<TypedParam> out = new ArrayList<>();
        out.add(TypedParam.ofInt("operation", JOB_OPERATION_BACKUP));
        out.add(TypedParam.ofULLong("time_elapsed", System.currentTimeMillis() - b.started));
        if (progress[0] > 0 || progress[1] > 0) {
            out.add(TypedParam.ofULLong("disk_total", progress[0]));
            out.add(TypedParam.ofULLong("disk_processed", progress[1]));
            out.add(TypedParam.ofULLong("disk_remaining", progress[0] - progress[1]));
        }
        return out;
    }
}
