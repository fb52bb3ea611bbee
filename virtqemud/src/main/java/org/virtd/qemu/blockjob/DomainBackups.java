package org.virtd.qemu.blockjob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainLifecycle;
import org.virtd.qemu.lifecycle.RunEventHook;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonString;
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
 * Backups of a running guest (libvirt 9.0's qemu_backup.c). Push mode: each chosen disk gets a
 * new target image and node and one QMP transaction starts a {@code blockdev-backup} job per
 * disk, full or, from a checkpoint, incremental (the checkpoint's bitmap of every layer merged
 * into a temporary one the job reads; the target then has the disk as backing file). Pull mode:
 * a scratch image over the disk takes what the guest overwrites ({@code sync: none}), QEMU's NBD
 * server exports it with the incremental bitmap, and the jobs run until the backup is aborted.
 * A checkpoint may be created in the same transaction. Once every job has concluded the nodes
 * go, with a failed push's new files and a pull's scratch files, the final statistics are kept
 * for {@code domjobinfo --completed}, and JOB_COMPLETED then BLOCK_JOB / BLOCK_JOB_2 (type
 * BACKUP) tell clients.
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
    private static final long NODE_RELEASE_WAIT_MS = 5000;

    /**
     * One disk of a running backup: its QEMU job, whether we made its file, and the temporary
     * bitmap an incremental push left on the disk's node (null: none).
     */
    private record Part(DiskDef disk, BackupXml.Disk xml, String job, boolean created, String diskBitmap) {
        String formatNode() {
            return "libvirt-" + xml.index() + "-format";
        }

        String storageNode() {
            return "libvirt-" + xml.index() + "-storage";
        }
    }

    /** A disk chosen for the backup, before its file and node exist. */
    private record Chosen(DiskDef disk, BackupXml.Asked asked, int index, String incremental, String bitmap) {
    }

    private static final class Backup {
        final long started = System.currentTimeMillis();
        final BackupXml.Parsed def;
        final BackupXml.Server server;
        final List<Part> parts;
        final List<String> order;
        final int flags;
        final Map<String, JsonObject> concluded = new ConcurrentHashMap<>();
        volatile boolean aborted;

        /** {@code order}: every disk's name in the order backup-dumpxml lists them; {@code flags}: begin's. */
        Backup(BackupXml.Parsed def, BackupXml.Server server, List<Part> parts, List<String> order, int flags) {
            this.def = def;
            this.server = server;
            this.parts = parts;
            this.order = order;
            this.flags = flags;
        }

        boolean pull() {
            return def.pull();
        }
    }

    private final DomainLifecycle lifecycle;
    private final BackupCheckpoints checkpoints;
    private final Map<UUID, Backup> active = new ConcurrentHashMap<>();
    private final Map<UUID, JobStats> completed = new ConcurrentHashMap<>();

    public DomainBackups(DomainLifecycle lifecycle, BackupCheckpoints checkpoints) {
        this.lifecycle = lifecycle;
        this.checkpoints = checkpoints;
        lifecycle.addStatusSection(this::statusXml);
    }

    public void begin(DomainObject dom, String backupXml, String checkpointXml, int flags) throws VirtException {
        BackupXml.Parsed p = BackupXml.parse(backupXml);
        RunningDomain rd = lifecycle.running(dom);
        if (rd == null || !dom.isActive() || rd.isStopped()) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "cannot perform disk backup for inactive domain");
        }
        QmpClient mon = BlockJobStarts.monitor(rd);
        BackupCheckpoints.Pending checkpoint = checkpointXml == null ? null : checkpoints.prepare(dom, rd, checkpointXml);
        String suffix = checkpoint != null ? checkpoint.name() : Long.toString(System.currentTimeMillis() / 1000);
        List<BackupXml.Asked> aligned = BackupAlign.disks(p, rd.live(), suffix);
        if (active.containsKey(dom.uuid())) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "another operation is active on the domain");
        }
        BackupXml.Server server = BackupAlign.server(p);
        NodeBitmaps bitmaps = NodeBitmaps.query(mon);
        List<Chosen> chosen = new ArrayList<>();
        for (BackupXml.Asked a : aligned) {
            if (Boolean.TRUE.equals(a.backup())) {
                chosen.add(choose(dom, p, rd, a, bitmaps));
            }
        }
        if (chosen.isEmpty()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "no disks selected for backup");
        }
        boolean reuse = (flags & BEGIN_REUSE_EXTERNAL) != 0;
        for (Chosen c : chosen) {
            if (!reuse && Files.exists(Path.of(c.asked().file()))) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "store '" + c.asked().file() + "' for backup of '" + c.disk().targetDev() + "' exists");
            }
        }
        List<Part> parts = new ArrayList<>();
        boolean nbdStarted = false;
        try {
            List<JsonValue> actions = new ArrayList<>(checkpoint == null ? List.of() : checkpoint.actions());
            for (Chosen c : chosen) {
                Part part = addTarget(rd, mon, c, p.pull(), reuse);
                parts.add(part);
                List<DiskImages.Image> chain = DiskImages.of(c.disk());
                if (c.bitmap() != null) {
                    actions.addAll(bitmaps.mergeInto(chain, c.incremental(),
                            p.pull() ? part.formatNode() : chain.get(0).formatNode(), c.bitmap()));
                }
                JsonObject backup = JsonObject.of("device", chain.get(0).formatNode(), "job-id", part.job(),
                        "target", part.formatNode(), "sync", p.pull() ? "none" : c.bitmap() != null ? "incremental" : "full",
                        "auto-finalize", true, "auto-dismiss", false);
                if (c.bitmap() != null && !p.pull()) {
                    backup = backup.with("bitmap", c.bitmap());
                }
                actions.add(JsonObject.of("type", "blockdev-backup", "data", backup));
            }
            if (p.pull()) {
                mon.execute("nbd-server-start", JsonObject.of("addr", address(server)));
                nbdStarted = true;
            }
            Backup backup = new Backup(p, server, parts, aligned.stream().map(BackupXml.Asked::name).toList(), flags);
            active.put(dom.uuid(), backup);
            try {
                mon.execute("transaction", JsonObject.of("actions", new JsonArray(actions)));
            } catch (VirtException e) {
                active.remove(dom.uuid());
                throw e;
            }
        } catch (VirtException e) {
            if (nbdStarted) {
                quietly(mon, "nbd-server-stop", null);
            }
            for (Part part : parts) {
                BlockJobStarts.deleteNodes(mon, part.formatNode(), part.storageNode());
                if (part.created()) {
                    BlockJobStarts.quietlyDelete(Path.of(part.xml().file()));
                }
            }
            throw e;
        }
        if (checkpoint != null) {
            checkpoint.commit();
        }
        if (p.pull()) {
            for (Part part : parts) {
                JsonObject export = JsonObject.of("type", "nbd", "id", "libvirt-nbd-" + part.formatNode(),
                        "node-name", part.formatNode(), "writable", false, "name", part.xml().exportName());
                if (part.xml().exportBitmap() != null) {
                    export = export.with("bitmaps", new JsonArray(List.of(new JsonString(part.xml().exportBitmap()))));
                }
                try {
                    mon.execute("block-export-add", export);
                } catch (VirtException e) {
                    abort(dom);
                    throw e;
                }
            }
        }
        Backup started = active.get(dom.uuid());
        if (started != null) {
            BlockJobs.of(rd).backupEntries(blockJobEntries(started));
            lifecycle.statusChanged(rd);
        }
    }

    /**
     * Checks one disk to back up (a pull's scratch must be qcow2, an incremental's checkpoint
     * valid) and numbers its new node, before the checkpoint checks as libvirt does: a refused
     * begin uses up numbers there too.
     */
    private Chosen choose(DomainObject dom, BackupXml.Parsed p, RunningDomain rd, BackupXml.Asked a,
            NodeBitmaps bitmaps) throws VirtException {
        DiskDef disk = DiskImages.disk(rd.live(), a.name());
        if (p.pull() && !"qcow2".equals(a.format())) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "pull mode backup for disk '" + a.name() + "' requires qcow2 driver");
        }
        int index = BlockJobs.nextIndex(rd);
        if (!BackupXml.INCREMENTAL.equals(a.mode())) {
            return new Chosen(disk, a, index, null, null);
        }
        if (checkpoints == null || !checkpoints.exists(dom, a.incremental())) {
            throw new VirtException(ErrorCode.NO_DOMAIN_CHECKPOINT, ErrorDomain.QEMU, "Checkpoint '"
                    + a.incremental() + "' for incremental backup of disk '" + a.name() + "' not found");
        }
        if (!bitmaps.chainValid(DiskImages.of(disk), a.incremental())) {
            throw new VirtException(ErrorCode.CHECKPOINT_INCONSISTENT, ErrorDomain.QEMU,
                    "missing or broken bitmap '" + a.incremental() + "' for disk '" + a.name() + "'");
        }
        return new Chosen(disk, a, index, a.incremental(),
                a.exportBitmap() != null ? a.exportBitmap() : "backup-" + a.name());
    }

    /** nbd-server-start's address: a unix socket or host and port. */
    private static JsonObject address(BackupXml.Server s) {
        if ("unix".equals(s.transport())) {
            return JsonObject.of("type", "unix", "data", JsonObject.of("path", s.socket()));
        }
        return JsonObject.of("type", "inet", "data", JsonObject.of("host", s.name(), "port", Integer.toString(s.port())));
    }

    /**
     * The target (push) or scratch (pull) file and its nodes, as libvirt makes them: a new qcow2
     * through blockdev-create, over the disk when it is a pull's scratch or an incremental push's
     * qcow2 target.
     */
    private Part addTarget(RunningDomain rd, QmpClient mon, Chosen c, boolean pull, boolean reuse)
            throws VirtException {
        BackupXml.Asked a = c.asked();
        DiskDef disk = c.disk();
        int index = c.index();
        Path file = Path.of(a.file());
        String storage = "libvirt-" + index + "-storage";
        String formatNode = "libvirt-" + index + "-format";
        DiskImages.Image top = DiskImages.of(disk).get(0);
        DiskImages.Image backing = pull || (c.bitmap() != null && "qcow2".equals(a.format())) ? top : null;
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
            lifecycle.labelDisk(rd.live(), file, false);
            mon.execute("blockdev-add", JsonObject.of("driver", "file", "filename", file.toString(), "node-name",
                    storage, "auto-read-only", true, "discard", "unmap"));
            if (created && !"raw".equals(a.format())) {
                BlockJobStarts.create(mon, top, index, storage, a.format(), backing);
            }
            JsonObject fmt = JsonObject.of("node-name", formatNode, "read-only", false, "driver", a.format(),
                    "file", storage);
            if (!"raw".equals(a.format())) {
                fmt = fmt.with("backing", backing == null ? null : backing.formatNode());
            }
            mon.execute("blockdev-add", fmt);
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
        String exportName = pull ? (a.exportName() != null ? a.exportName() : disk.targetDev()) : null;
        String exportBitmap = pull ? c.bitmap() : null;
        BackupXml.Disk shown = new BackupXml.Disk(disk.targetDev(), true, a.mode(), a.incremental(), exportName,
                exportBitmap, index, a.format(), a.file());
        return new Part(disk, shown, "backup-" + disk.targetDev() + "-" + top.formatNode(), created,
                pull ? null : c.bitmap());
    }

    /** virDomainBackupGetXMLDesc: the running backup. */
    public String xml(DomainObject dom) throws VirtException {
        Backup b = active.get(dom.uuid());
        if (b == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN_BACKUP, ErrorDomain.QEMU, "no domain backup job present");
        }
        return BackupXml.format(b.def.mode(), b.def.incremental(), b.server, shown(b));
    }

    /** Every disk of the backup as backup-dumpxml lists it. */
    private static List<BackupXml.Disk> shown(Backup b) {
        List<BackupXml.Disk> disks = new ArrayList<>();
        for (String name : b.order) {
            disks.add(b.parts.stream().filter(p -> p.disk().targetDev().equals(name)).map(Part::xml).findFirst()
                    .orElse(BackupXml.Disk.skipped(name)));
        }
        return disks;
    }

    /**
     * What the status file keeps of a running backup, as libvirt does: its definition with the
     * disks' states and nodes ({@code <backups>}) and the domain's backup job ({@code <job>}).
     */
    private String statusXml(RunningDomain rd) {
        Backup b = active.get(rd.domain().uuid());
        if (b == null) {
            return "";
        }
        // an export name begin chose itself is not kept (libvirtd records it only when asked for)
        List<BackupXml.Disk> disks = shown(b).stream().map(d -> b.def.disks().stream()
                .anyMatch(a -> a.name().equals(d.name()) && a.exportName() != null) ? d
                : new BackupXml.Disk(d.name(), d.backup(), d.mode(), d.incremental(), null, d.exportBitmap(),
                        d.index(), d.format(), d.file())).toList();
        String doc = BackupXml.format(b.def.mode(), b.def.incremental(), b.server, disks,
                b.aborted ? "cancelling" : "running");
        StringBuilder sb = new StringBuilder("  <backups>\n");
        doc.lines().forEach(l -> sb.append("    ").append(l).append('\n'));
        return sb.append("  </backups>\n  <job type='none' async='backup' flags='0x")
                .append(Integer.toHexString(b.flags)).append("' asyncStarted='").append(b.started).append("'/>\n")
                .toString();
    }

    /** The backup's jobs as the status file's {@code <blockjobs>} lists them. */
    private static String blockJobEntries(Backup b) {
        StringBuilder sb = new StringBuilder();
        for (Part p : b.parts) {
            sb.append(BlockJobStatus.backupEntry(p.job(), p.disk().targetDev(), p.xml().format(), p.xml().file(),
                    p.xml().index()));
        }
        return sb.toString();
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
        lifecycle.statusChanged(rd);
        QmpClient mon = BlockJobStarts.monitor(rd);
        for (Part part : b.parts) {
            if (!b.concluded.containsKey(part.job())) {
                mon.execute("job-cancel", JsonObject.of("id", part.job()));
            }
        }
        return true;
    }

    /**
     * A run found alive at start: the backup its status file records runs on as before (its
     * elapsed time counted from now, as libvirt does); jobs that ended while no daemon listened
     * are finished now.
     */
    @Override
    public void onReattach(RunningDomain rd) {
        if (rd.recoveredStatus() == null) {
            return;
        }
        try {
            BackupStatus.Recovered r = BackupStatus.parse(rd.recoveredStatus());
            if (r == null) {
                return;
            }
            List<Part> parts = new ArrayList<>();
            for (BackupStatus.Store st : r.stores()) {
                parts.add(recoveredPart(rd, r, st));
            }
            Backup b = new Backup(r.def(), r.def().server(), parts, r.order(), r.flags());
            b.aborted = r.cancelling();
            active.put(rd.domain().uuid(), b);
            BlockJobs.of(rd).backupEntries(blockJobEntries(b));
            QmpClient mon = BlockJobStarts.monitor(rd);
            for (Part part : parts) {
                JsonObject info = QmpJobs.find(mon, part.job());
                if (info == null || "concluded".equals(info.string("status", ""))) {
                    b.concluded.put(part.job(), info == null ? JsonObject.EMPTY : info);
                }
            }
            if (b.concluded.size() == parts.size()) {
                finish(rd, mon, b);
            }
        } catch (VirtException | RuntimeException e) {
            LOG.warn("cannot take up the backup of '{}' again: {}", rd.domain().name(), e.getMessage());
        }
    }

    /** A disk of a recovered backup; its file counts as ours unless begin reused existing files. */
    private static Part recoveredPart(RunningDomain rd, BackupStatus.Recovered r, BackupStatus.Store st)
            throws VirtException {
        DiskDef disk = DiskImages.disk(rd.live(), st.name());
        BackupXml.Asked a = r.def().disks().stream().filter(d -> d.name().equals(st.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("disk " + st.name() + " missing from the backup"));
        String job = st.job() != null ? st.job()
                : "backup-" + st.name() + "-" + DiskImages.of(disk).get(0).formatNode();
        boolean pull = r.def().pull();
        String mode = a.mode() != null ? a.mode() : BackupXml.FULL;
        BackupXml.Disk shown = new BackupXml.Disk(st.name(), true, mode, a.incremental(), a.exportName(),
                a.exportBitmap(), st.index(), a.format() != null ? a.format() : "qcow2", a.file());
        String diskBitmap = !pull && BackupXml.INCREMENTAL.equals(mode) ? "backup-" + st.name() : null;
        return new Part(disk, shown, job, (r.flags() & BEGIN_REUSE_EXTERNAL) == 0, diskBitmap);
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
        boolean cancelled = b.aborted;
        if (b.pull()) {
            quietly(mon, "nbd-server-stop", null);
        }
        for (Part part : b.parts) {
            JsonObject info = b.concluded.get(part.job());
            total += info.number("total-progress", 0);
            done += info.number("current-progress", 0);
            if (error == null && !b.aborted) {
                error = info.string("error", null);
            }
            quietly(mon, "job-dismiss", JsonObject.of("id", part.job()));
            if (part.diskBitmap() != null) {
                quietly(mon, "block-dirty-bitmap-remove", JsonObject.of("node",
                        DiskImages.of(part.disk()).get(0).formatNode(), "name", part.diskBitmap()));
            }
            deleteWhenReleased(mon, part);
            // the target is the caller's again (a deleted scratch file needs nothing)
            lifecycle.releaseDisk(rd.live(), Path.of(part.xml().file()), false);
        }
        // a pull backup ends by being aborted: that is its success
        boolean ok = error == null && (!b.aborted || b.pull());
        for (Part part : b.parts) {
            if (part.created() && (!ok || b.pull())) {
                BlockJobStarts.quietlyDelete(Path.of(part.xml().file()));
            }
        }
        List<TypedParam> params = new ArrayList<>(params(b, new long[] {total, done}));
        params.add(TypedParam.ofBoolean("success", ok));
        if (!ok || cancelled) {
            params.add(TypedParam.ofString("errmsg", cancelled ? "Operation canceled" : error));
        }
        completed.put(dom.uuid(), new JobStats(ok ? JOB_COMPLETED : cancelled ? JOB_CANCELLED : JOB_FAILED, params));
        active.remove(dom.uuid());
        BlockJobs.of(rd).backupEntries("");
        lifecycle.statusChanged(rd);
        var ref = dom.ref();
        lifecycle.events().domainEvent(new JobCompletedEvent(ref, params));
        int status = error == null && !b.aborted ? 0 : b.aborted ? 2 : 1;
        for (Part part : b.parts) {
            if (part.disk().source() != null) {
                lifecycle.events().domainEvent(new BlockJobEvent(ref, part.disk().source(), BLOCK_JOB_TYPE_BACKUP,
                        status));
            }
            lifecycle.events().domainEvent(new BlockJob2Event(ref, part.disk().targetDev(), BLOCK_JOB_TYPE_BACKUP,
                    status));
        }
    }

    /** blockdev-del of a part's nodes; an NBD export may hold them a moment after the server stopped. */
    private static void deleteWhenReleased(QmpClient mon, Part part) {
        long deadline = System.currentTimeMillis() + NODE_RELEASE_WAIT_MS;
        while (true) {
            try {
                mon.execute("blockdev-del", JsonObject.of("node-name", part.formatNode()));
                break;
            } catch (VirtException e) {
                if (System.currentTimeMillis() > deadline || !e.getMessage().contains("in use")) {
                    LOG.debug("node '{}' stays: {}", part.formatNode(), e.getMessage());
                    break;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        BlockJobStarts.deleteNodes(mon, part.storageNode());
    }

    /** A clean-up command whose failure (already done, never made) changes nothing. */
    private static void quietly(QmpClient mon, String command, JsonObject args) {
        try {
            mon.execute(command, args);
        } catch (VirtException e) {
            LOG.debug("{}: {}", command, e.getMessage());
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

    /** The job's parameters: a pull backup's progress is the scratch files' use (disk_temp_*). */
    private static List<TypedParam> params(Backup b, long[] progress) {
        List<TypedParam> out = new ArrayList<>();
        out.add(TypedParam.ofInt("operation", JOB_OPERATION_BACKUP));
        out.add(TypedParam.ofULLong("time_elapsed", System.currentTimeMillis() - b.started));
        if (b.pull()) {
            if (progress[0] > 0 || progress[1] > 0) {
                out.add(TypedParam.ofULLong("disk_temp_used", progress[1]));
                out.add(TypedParam.ofULLong("disk_temp_total", progress[0]));
            }
        } else if (progress[0] > 0 || progress[1] > 0) {
            out.add(TypedParam.ofULLong("disk_total", progress[0]));
            out.add(TypedParam.ofULLong("disk_processed", progress[1]));
            out.add(TypedParam.ofULLong("disk_remaining", progress[0] - progress[1]));
        }
        return out;
    }
}
