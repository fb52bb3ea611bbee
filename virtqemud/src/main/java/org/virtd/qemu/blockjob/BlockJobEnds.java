package org.virtd.qemu.blockjob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.BackingChain;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.blockjob.DiskImages.Image;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainLifecycle;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.BlockJob2Event;
import org.virtd.rpc.remote.types.BlockJobEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What follows QEMU's job states, as libvirt's blockdev job handling does: "ready" makes a copy
 * or active commit pivotable (READY event, {@code <mirror ready='yes'>}); "concluded" is read
 * back for its error, dismissed, and ends the job as completed, failed or (after an abort)
 * cancelled. A completed job changes the chain: a pull drops the images it merged, a commit the
 * images above its base, a pivot makes the base or the copy the disk's source, also in the
 * persistent definition when that names the same image (without the chain below it). Removed images leave QEMU
 * (blockdev-del), then BLOCK_JOB and BLOCK_JOB_2 say how it ended. Callers hold the lock.
 */
final class BlockJobEnds {
    static final int COMPLETED = 0;
    static final int FAILED = 1;
    static final int CANCELED = 2;
    static final int READY = 3;

    private static final Logger LOG = LoggerFactory.getLogger(BlockJobEnds.class);

    private final DomainLifecycle lifecycle;
    private final BlockJobStarts starts;

    BlockJobEnds(DomainLifecycle lifecycle, BlockJobStarts starts) {
        this.lifecycle = lifecycle;
        this.starts = starts;
    }

    void ready(RunningDomain rd, BlockJob job) throws VirtException {
        if (job.state != BlockJob.State.RUNNING) {
            return;
        }
        job.state = BlockJob.State.READY;
        lifecycle.statusChanged(rd);
        DiskDef d = DiskImages.disk(rd.live(), job.dst);
        if (d.mirror() != null) {
            starts.replaceDisk(rd, d.withMirror(d.mirror().asReady()));
            emit(rd, d, job.type, READY);
        }
    }

    void concluded(RunningDomain rd, BlockJob job) throws VirtException {
        QmpClient mon = BlockJobStarts.monitor(rd);
        JsonObject info = QmpJobs.find(mon, job.name);
        String error = info == null ? null : info.string("error", null);
        if (info != null) {
            mon.execute("job-dismiss", JsonObject.of("id", job.name));
        }
        // QEMU reports a cancelled job with an error; what was aborted ends cancelled either way
        int status = job.state == BlockJob.State.ABORTING ? CANCELED : error != null ? FAILED : COMPLETED;
        if (error != null) {
            LOG.info("block job '{}' failed: {}", job.name, error);
        }
        DiskDef before = DiskImages.disk(rd.live(), job.dst);
        if (status == COMPLETED) {
            carryBitmaps(mon, job, before);
        }
        DiskDef after = status == COMPLETED ? completed(rd, job, before) : failed(job, before);
        starts.replaceDisk(rd, after);
        BlockJobStarts.deleteNodes(mon, removedNodes(before, after));
        releaseUnused(rd, before, after);
        if (status == COMPLETED && job.deleteImages) {
            deleteMerged(rd, job, before);
        }
        BlockJobs.of(rd).remove(job);
        lifecycle.statusChanged(rd);
        emit(rd, after, job.type, status);
    }

    private DiskDef completed(RunningDomain rd, BlockJob job, DiskDef d) throws VirtException {
        List<Image> images = DiskImages.of(d);
        return switch (job.type) {
            case PULL -> d.withBacking(job.base == 0 ? BackingChain.NONE : d.backing().from(position(images, job.base) - 1));
            case COMMIT -> {
                int top = position(images, job.top);
                int base = position(images, job.base);
                List<BackingChain.Layer> layers = new ArrayList<>(d.backing().layers());
                layers.subList(top - 1, base - 1).clear();
                yield d.withBacking(new BackingChain(layers, d.backing().ends()));
            }
            case ACTIVE_COMMIT -> {
                int base = position(images, job.base);
                Image b = images.get(base);
                DiskDef pivoted = d.withSource(b.type(), b.format(), b.path(), b.index(), d.backing().from(base))
                        .withMirror(null);
                rewriteConfig(rd, d, pivoted);
                yield pivoted;
            }
            case COPY -> {
                if (job.state != BlockJob.State.PIVOTING || d.mirror() == null) {
                    yield d.withMirror(null);
                }
                BackingChain chain = job.shallow ? d.backing() : BackingChain.NONE;
                DiskDef pivoted = d.withSource(d.mirror().type(), d.mirror().format(), d.mirror().source(),
                        d.mirror().index(), chain).withMirror(null);
                rewriteConfig(rd, d, pivoted);
                yield pivoted;
            }
        };
    }

    /**
     * Before the layers a job leaves go, their checkpoints' bitmaps move to the new top: the
     * base of an active commit, the copy of a pivot (from its top image only when shallow).
     */
    private static void carryBitmaps(QmpClient mon, BlockJob job, DiskDef d) {
        List<Image> images = DiskImages.of(d);
        if (job.type == BlockJobType.ACTIVE_COMMIT) {
            int base = position(images, job.base);
            ChainBitmaps.carry(mon, images, images.subList(0, base), images.get(base).formatNode());
        } else if (job.type == BlockJobType.COPY && job.state == BlockJob.State.PIVOTING && d.mirror() != null) {
            ChainBitmaps.carry(mon, images, job.shallow ? images.subList(0, 1) : images,
                    "libvirt-" + d.mirror().index() + "-format");
        }
    }

    /** Images the disk no longer uses (a pivot's old source, a commit's merged layers) given back. */
    private void releaseUnused(RunningDomain rd, DiskDef before, DiskDef after) {
        Set<String> kept = new HashSet<>(paths(after));
        for (String path : paths(before)) {
            if (!kept.contains(path)) {
                lifecycle.releaseDisk(rd.live(), Path.of(path), false);
            }
        }
    }

    /** A completed commit's merged images (top down to the one above its base) removed from disk. */
    private static void deleteMerged(RunningDomain rd, BlockJob job, DiskDef before) {
        List<Image> images = DiskImages.of(before);
        int base = position(images, job.base);
        for (Image i : images.subList(position(images, job.top), base)) {
            if ("file".equals(i.type()) && i.path() != null) {
                try {
                    Files.deleteIfExists(Path.of(i.path()));
                } catch (IOException e) {
                    LOG.warn("cannot remove the committed image '{}' of '{}': {}", i.path(), rd.domain().name(),
                            e.getMessage());
                }
            }
        }
    }

    private static List<String> paths(DiskDef d) {
        List<String> out = new ArrayList<>();
        DiskImages.of(d).forEach(i -> {
            if ("file".equals(i.type()) && i.path() != null) {
                out.add(i.path());
            }
        });
        if (d.mirror() != null && d.mirror().source() != null) {
            out.add(d.mirror().source());
        }
        return out;
    }

    private static DiskDef failed(BlockJob job, DiskDef d) {
        return d.withMirror(null);
    }

    private static int position(List<Image> images, int index) {
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).index() == index) {
                return i;
            }
        }
        return images.size() - 1;
    }

    /** The nodes of images {@code before} used (mirror included) that {@code after} no longer does. */
    private static String[] removedNodes(DiskDef before, DiskDef after) {
        List<Integer> kept = new ArrayList<>();
        DiskImages.of(after).forEach(i -> kept.add(i.index()));
        if (after.mirror() != null) {
            kept.add(after.mirror().index());
        }
        List<Image> used = new ArrayList<>(DiskImages.of(before));
        if (before.mirror() != null && before.mirror().index() > 0) {
            used.add(new Image("file", before.mirror().format(), before.mirror().source(), before.mirror().index()));
        }
        List<String> out = new ArrayList<>();
        for (Image i : used) {
            if (i.index() > 0 && !kept.contains(i.index())) {
                out.add(i.formatNode());
                out.add(i.storageNode());
            }
        }
        return out.toArray(String[]::new);
    }

    /**
     * After a pivot the persistent definition follows when its disk names the image the guest
     * left: it then names the new source and its chain as far as known.
     */
    private void rewriteConfig(RunningDomain rd, DiskDef old, DiskDef pivoted) {
        DomainObject dom = rd.domain();
        if (!dom.isPersistent()) {
            return;
        }
        DomainDef def = dom.def();
        try {
            DiskDef cfg = DiskImages.disk(def, old.targetDev());
            if (!old.source().equals(cfg.source())) {
                return;
            }
            // only the new image itself is written: its chain stays known only when it has none
            DiskDef updated = cfg.withSource(pivoted.type(), pivoted.driverType(), pivoted.source(), 0,
                    pivoted.backing().layers().isEmpty() ? BackingChain.NONE : BackingChain.UNKNOWN);
            lifecycle.registry().saveConfig(dom, BlockJobStarts.withDisk(def, updated));
        } catch (VirtException e) {
            LOG.warn("cannot update the persistent definition of '{}' after a block job: {}", dom.name(),
                    e.getMessage());
        }
    }

    /** BLOCK_JOB (naming the disk's source) then BLOCK_JOB_2 (naming its target). */
    void emit(RunningDomain rd, DiskDef d, BlockJobType type, int status) {
        var ref = rd.domain().ref();
        if (d.source() != null) {
            lifecycle.events().domainEvent(new BlockJobEvent(ref, d.source(), type.code, status));
        }
        lifecycle.events().domainEvent(new BlockJob2Event(ref, d.targetDev(), type.code, status));
    }
}
