package org.virtd.qemu.blockjob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainLifecycle;
import org.virtd.qemu.lifecycle.RunEventHook;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpEvent;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.BlockJobInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The block job calls on a running guest (blockCommit, blockPull/Rebase, blockCopy,
 * getBlockJobInfo, blockJobSetSpeed, blockJobAbort) and the QMP events that move its jobs on.
 * Arguments are checked in libvirt's order; callers hold the domain's lock and pass the run.
 * Jobs recorded by a daemon before a restart are matched again with QEMU's list at re-attach
 * and on each use.
 */
public final class BlockJobManager implements RunEventHook {
    public static final int ABORT_ASYNC = 1;
    public static final int ABORT_PIVOT = 2;
    public static final int COMMIT_SHALLOW = 1;
    public static final int COMMIT_DELETE = 2;
    public static final int COMMIT_ACTIVE = 4;
    public static final int COMMIT_RELATIVE = 8;
    private static final Logger LOG = LoggerFactory.getLogger(BlockJobManager.class);
    private static final long ABORT_WAIT_SECONDS = 60;

    private final DomainLifecycle lifecycle;
    private final BlockJobStarts starts;
    private final BlockJobEnds ends;

    public BlockJobManager(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.starts = new BlockJobStarts(lifecycle);
        this.ends = new BlockJobEnds(lifecycle, starts);
        lifecycle.addStatusSection(rd -> BlockJobs.of(rd).statusXml(rd.live()));
    }

    /** The disk {@code name} of the live definition; libvirt's error when there is none. */
    public static DiskDef disk(DomainDef def, String name) throws VirtException {
        return DiskImages.disk(def, name);
    }

    /**
     * Commit of {@code top} (null: the source) into {@code base} (null: the image below it) of a
     * running guest's disk; {@code active}: the caller asked for an active commit.
     */
    public void commit(RunningDomain rd, DiskDef d, String top, String base, boolean active, long speed)
            throws VirtException {
        commit(rd, d, top, base, active ? COMMIT_ACTIVE : 0, speed);
    }

    /**
     * virDomainBlockCommit on a running guest with its flags: SHALLOW takes the image right below
     * {@code top} as the base, DELETE removes the merged images' files once the job completes,
     * RELATIVE writes the base's name relative into the image that comes to name it.
     */
    public void commit(RunningDomain rd, DiskDef d, String top, String base, int flags, long speed)
            throws VirtException {
        List<DiskImages.Image> images = DiskImages.of(d);
        boolean shallow = (flags & COMMIT_SHALLOW) != 0;
        boolean active = (flags & COMMIT_ACTIVE) != 0;
        int t = DiskImages.find(images, d, top, 0, false);
        int b = shallow && base == null ? t + 1 : DiskImages.base(images, d, base, t);
        requireNoJob(rd, d);
        if (t == 0 && !active) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "commit of '" + d.targetDev() + "' active layer requires active flag");
        }
        if (t != 0 && active) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "active commit requested but '" + images.get(t).path() + "' is not active");
        }
        if (t + 1 >= images.size()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "top '" + images.get(t).path()
                    + "' in chain for '" + d.source() + "' has no backing file");
        }
        if (shallow && b != t + 1) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "base '" + images.get(b).path()
                    + "' is not immediately below '" + images.get(t).path() + "' in chain for '" + d.source() + "'");
        }
        String backingName = (flags & COMMIT_RELATIVE) != 0 && t != 0 ? RelativeBacking.name(images, t, b) : null;
        starts.commit(rd, d, t, b, speed, backingName, (flags & COMMIT_DELETE) != 0);
    }

    /** Checks commit arguments against a domain that is not running (its definition's chain). */
    public static void checkCommitInactive(DiskDef d, String top, String base, int flags) throws VirtException {
        List<DiskImages.Image> images = DiskImages.of(d);
        int t = DiskImages.find(images, d, top, 0, false);
        if ((flags & COMMIT_SHALLOW) == 0 || base != null) {
            DiskImages.base(images, d, base, t);
        }
    }

    /** Pull into the source of everything above {@code base} (null: all of the chain). */
    public void pull(RunningDomain rd, DiskDef d, String base, long speed) throws VirtException {
        pull(rd, d, base, false, speed);
    }

    /** The same; {@code relative}: the base's name is written relative into the source's header. */
    public void pull(RunningDomain rd, DiskDef d, String base, boolean relative, long speed) throws VirtException {
        List<DiskImages.Image> images = DiskImages.of(d);
        int b = base == null ? -1 : DiskImages.find(images, d, base, 1, true);
        requireNoJob(rd, d);
        String backingName = relative && b > 0 ? RelativeBacking.name(images, 1, b) : null;
        starts.pull(rd, d, b, speed, backingName);
    }

    /** Copy of the disk to {@code dest}; {@code tuning}: granularity and buf-size for QEMU. */
    public void copy(RunningDomain rd, DiskDef d, Path dest, String format, boolean shallow, boolean reuse,
                     long speed, JsonObject tuning) throws VirtException {
        requireNoJob(rd, d);
        starts.copy(rd, d, dest, format, shallow, reuse, speed, tuning);
    }

    /** virDomainGetBlockJobInfo: found 0 when the disk has no job; bandwidth in bytes/s or MiB/s. */
    public BlockJobInfo info(RunningDomain rd, DiskDef d, boolean bytes) throws VirtException {
        BlockJob job = reconciled(rd, d.targetDev());
        if (job == null) {
            return new BlockJobInfo(0, 0, 0, 0, 0);
        }
        JsonObject raw = QmpJobs.block(BlockJobStarts.monitor(rd), job.name);
        long cur = 0;
        long end = 0;
        long speed = 0;
        if (raw == null) {
            // QEMU ended it and the driver has not yet: it looks finished
            cur = 1;
            end = 1;
        } else {
            cur = raw.number("offset", 0);
            end = raw.number("len", 0);
            speed = raw.number("speed", 0);
            boolean ready = raw.bool("ready", false);
            if (cur == 0 && end == 0 && raw.has("ready")) {
                end = 1;
                cur = ready ? 1 : 0;
            }
            // a job QEMU does not call ready never looks complete: pollers would stop too early
            if (!ready && cur == end && cur > 0) {
                cur--;
            }
        }
        return new BlockJobInfo(1, job.type.code, bytes ? speed : speed >> 20, cur, end);
    }

    public void setSpeed(RunningDomain rd, DiskDef d, long bytesPerSecond) throws VirtException {
        BlockJob job = requireJob(rd, d);
        BlockJobStarts.monitor(rd).execute("block-job-set-speed",
                JsonObject.of("device", job.name, "speed", bytesPerSecond));
    }

    /**
     * virDomainBlockJobAbort: a pivot completes a ready copy or active commit, anything else
     * cancels; without ASYNC the call returns once the job has ended.
     */
    public void abort(RunningDomain rd, DiskDef d, int flags) throws VirtException {
        BlockJob job = requireJob(rd, d);
        var mon = BlockJobStarts.monitor(rd);
        if ((flags & ABORT_PIVOT) != 0) {
            if (job.state != BlockJob.State.READY) {
                throw new VirtException(ErrorCode.BLOCK_COPY_ACTIVE, ErrorDomain.QEMU,
                        "block job '" + job.name + "' not ready for pivot yet");
            }
            if (job.type != BlockJobType.COPY && job.type != BlockJobType.ACTIVE_COMMIT) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "pivot of disk '" + d.targetDev() + "' requires an active copy job");
            }
            mon.execute("job-complete", JsonObject.of("id", job.name));
            job.state = BlockJob.State.PIVOTING;
        } else {
            if (job.state == BlockJob.State.ABORTING || job.state == BlockJob.State.PIVOTING) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "block job on disk '" + d.targetDev() + "' is still being ended");
            }
            mon.execute("block-job-cancel", JsonObject.of("device", job.name));
            job.state = BlockJob.State.ABORTING;
        }
        BlockJobs jobs = BlockJobs.of(rd);
        lifecycle.statusChanged(rd);
        if ((flags & ABORT_ASYNC) != 0) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ABORT_WAIT_SECONDS);
        while (jobs.get(d.targetDev()) == job && !rd.domain().isRemoved()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !rd.domain().isActive()) {
                break;
            }
            try {
                jobs.changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (jobs.get(d.targetDev()) == job) {
                // the state change may have come while nobody listened (a restart): ask QEMU
                reconcile(rd, job);
            }
        }
    }

    private BlockJob requireJob(RunningDomain rd, DiskDef d) throws VirtException {
        BlockJob job = reconciled(rd, d.targetDev());
        if (job == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "disk " + d.targetDev() + " does not have an active block job");
        }
        return job;
    }

    private void requireNoJob(RunningDomain rd, DiskDef d) throws VirtException {
        BlockJob job = reconciled(rd, d.targetDev());
        if (job != null && DiskImages.disk(rd.live(), d.targetDev()).mirror() != null) {
            throw new VirtException(ErrorCode.BLOCK_COPY_ACTIVE, ErrorDomain.QEMU,
                    "disk '" + d.targetDev() + "' already in active block job");
        }
        if (job != null) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "disk '" + d.targetDev() + "' already in active block job");
        }
    }

    /** The disk's job after catching up with QEMU on a state change no event told us about. */
    private BlockJob reconciled(RunningDomain rd, String dst) throws VirtException {
        BlockJob job = BlockJobs.of(rd).get(dst);
        if (job != null) {
            reconcile(rd, job);
        }
        return BlockJobs.of(rd).get(dst);
    }

    private void reconcile(RunningDomain rd, BlockJob job) throws VirtException {
        JsonObject info = QmpJobs.find(BlockJobStarts.monitor(rd), job.name);
        String status = info == null ? "concluded" : info.string("status", "");
        if ("ready".equals(status)) {
            ends.ready(rd, job);
        } else if ("concluded".equals(status)) {
            ends.concluded(rd, job);
        }
    }

    /**
     * A run found alive at start: its jobs come from its status file and are matched with QEMU's
     * list, so a job that became ready or ended while no daemon listened moves on now.
     */
    @Override
    public void onReattach(RunningDomain rd) {
        for (BlockJob job : BlockJobs.of(rd).all()) {
            try {
                reconcile(rd, job);
            } catch (VirtException | RuntimeException e) {
                LOG.warn("block job '{}' of '{}': {}", job.name, rd.domain().name(), e.getMessage());
            }
        }
    }

    @Override
    public void onEvent(RunningDomain rd, QmpEvent event) {
        if (!"JOB_STATUS_CHANGE".equals(event.name())) {
            return;
        }
        BlockJob job = BlockJobs.of(rd).named(event.data().string("id", ""));
        if (job == null) {
            return;
        }
        try {
            switch (event.data().string("status", "")) {
                case "ready" -> ends.ready(rd, job);
                case "concluded" -> ends.concluded(rd, job);
                default -> {
                }
            }
        } catch (VirtException | RuntimeException e) {
            LOG.warn("block job '{}' of '{}': {}", job.name, rd.domain().name(), e.getMessage());
        }
    }

    /** For callers that must know whether a domain's run is still the one they hold. */
    static boolean sameRun(DomainObject dom, RunningDomain rd) {
        return dom.isActive() && rd.process() != null;
    }
}
