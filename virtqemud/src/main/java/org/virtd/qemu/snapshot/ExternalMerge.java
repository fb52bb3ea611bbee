package org.virtd.qemu.snapshot;

import org.virtd.conf.domain.BackingChain;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.blockjob.BlockJobManager;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.lifecycle.SnapshotRuns;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.BlockJobInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deleting an external snapshot as libvirt 9.0 does: each of its overlays is merged into the
 * image below it by a block commit (an active commit with pivot when the guest now writes to
 * that overlay), then the overlay file goes; the memory file stays. A running guest commits
 * through {@link BlockJobManager}; a shut-off one through qemu-img, with the same job events.
 * Everything is checked against the disks' current chains before anything changes.
 */
final class ExternalMerge {
    private static final long WAIT_MILLIS = 10 * 60 * 1000;
    private static final Pattern BACKING = Pattern.compile("\"full-backing-filename\":\\s*\"([^\"]*)\"");
    private static final Pattern BACKING_FORMAT = Pattern.compile("\"backing-filename-format\":\\s*\"([^\"]*)\"");

    /** One overlay to merge: the disk's target and the overlay file the snapshot started. */
    record Step(String target, String top) {
    }

    /** A merged overlay: {@code top} went into {@code base}. */
    record Merged(String target, String top, String base) {
    }

    private final SnapshotRuns runs;
    private final BlockJobManager jobs;
    private final DomainRegistry registry;
    private final QemuImg qemuImg;

    ExternalMerge(SnapshotRuns runs, BlockJobManager jobs, DomainRegistry registry, QemuImg qemuImg) {
        this.runs = runs;
        this.jobs = jobs;
        this.registry = registry;
        this.qemuImg = qemuImg;
    }

    /** The overlays of {@code snap}, each found in its disk's chain (the live one while running). */
    List<Step> prepare(DomainObject dom, SnapshotDef snap) throws VirtException {
        DomainDef def = dom.isActive() ? runs.live(dom) : dom.def();
        if (dom.isActive()) {
            refuseWhileJobsRun(runs.running(dom), def);
        }
        List<Step> steps = new ArrayList<>();
        for (SnapshotDef.Disk d : snap.disks()) {
            if (!d.external()) {
                continue;
            }
            Devices.DiskDef disk = diskOf(def, d.name());
            if (disk == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "disk '" + d.name() + "' not found");
            }
            if (!chain(disk).contains(d.source())) {
                throw notInChain();
            }
            steps.add(new Step(d.name(), d.source()));
        }
        return steps;
    }

    /** Another block job on any disk would race the merge's own commits. */
    private void refuseWhileJobsRun(RunningDomain rd, DomainDef live) throws VirtException {
        for (Devices.DiskDef d : live.devices() == null ? List.<Devices.DiskDef>of() : live.devices().disks()) {
            if (jobs.info(rd, d, true).found() != 0) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                        "cannot delete external snapshots when there is another active block job");
            }
        }
    }

    List<Merged> merge(DomainObject dom, List<Step> steps) throws VirtException {
        List<Merged> done = new ArrayList<>();
        for (Step s : steps) {
            done.add(new Merged(s.target(), s.top(), dom.isActive() ? mergeLive(dom, s) : mergeOffline(dom, s)));
            try {
                Files.deleteIfExists(Path.of(s.top()));
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                        "failed to remove '" + s.top() + "': " + e.getMessage());
            }
        }
        return done;
    }

    /** A block commit of the overlay into the image below it; waits for its end (and pivots an active one). */
    private String mergeLive(DomainObject dom, Step s) throws VirtException {
        RunningDomain rd = runs.running(dom);
        Devices.DiskDef disk = BlockJobManager.disk(rd.live(), s.target());
        List<String> chain = chain(disk);
        int top = chain.indexOf(s.top());
        if (top < 0 || top + 1 >= chain.size()) {
            throw notInChain();
        }
        boolean active = top == 0;
        String base = chain.get(top + 1);
        String baseFormat = disk.backing().layers().get(top).format();
        Devices.DiskDef persistent = dom.isPersistent() ? diskOf(dom.def(), s.target()) : null;
        jobs.commit(rd, disk, s.top(), base, active, 0);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline && dom.isActive()) {
            Devices.DiskDef now = BlockJobManager.disk(rd.live(), s.target());
            BlockJobInfo info = jobs.info(rd, now, true);
            if (info.found() == 0) {
                dropFromPersistent(dom, s);
                return base;
            }
            if (active && info.end() > 0 && info.cur() == info.end()) {
                jobs.abort(rd, now, BlockJobManager.ABORT_PIVOT);
                if (persistent != null && s.top().equals(persistent.source())) {
                    savePersistent(dom, persistent, sourceDropped(persistent, base, baseFormat));
                }
                return base;
            }
            sleep();
        }
        throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                "block commit of '" + s.top() + "' did not finish");
    }

    /**
     * A shut-off guest: qemu-img commits the overlay into its backing file. The persistent disk
     * that named the overlay names the backing image from now on.
     */
    private String mergeOffline(DomainObject dom, Step s) throws VirtException {
        DomainDef def = dom.def();
        Devices.DiskDef disk = diskOf(def, s.target());
        String info = qemuImg.output("info", "-U", "--output=json", s.top());
        Matcher m = BACKING.matcher(info);
        if (!m.find()) {
            throw notInChain();
        }
        String base = m.group(1);
        Matcher f = BACKING_FORMAT.matcher(info);
        String format = f.find() ? f.group(1) : "raw";
        boolean active = s.top().equals(disk.source());
        if (active) {
            runs.commitEvent(dom, disk.source(), s.target(), true, SnapshotRuns.JOB_READY);
        }
        qemuImg.run("commit", "-q", "-f", disk.driverType() == null ? "qcow2" : disk.driverType(), s.top());
        Devices.DiskDef updated = active ? sourceDropped(disk, base, format) : withoutLayer(disk, s.top());
        savePersistent(dom, disk, updated);
        runs.commitEvent(dom, updated.source(), s.target(), active, SnapshotRuns.JOB_COMPLETED);
        return base;
    }

    /** {@code disk} now starting from {@code base}, the image below its former source. */
    private static Devices.DiskDef sourceDropped(Devices.DiskDef disk, String base, String baseFormat) {
        List<BackingChain.Layer> layers = disk.backing().layers();
        if (!layers.isEmpty() && base.equals(layers.get(0).source())) {
            BackingChain.Layer next = layers.get(0);
            return disk.withSource(next.type(), next.format(), base, 0, disk.backing().from(1));
        }
        return disk.withSource(disk.type() == null ? "file" : disk.type(), baseFormat, base, 0, BackingChain.UNKNOWN);
    }

    private void savePersistent(DomainObject dom, Devices.DiskDef old, Devices.DiskDef updated) throws VirtException {
        DomainDef def = dom.def();
        List<Devices.DiskDef> disks = new ArrayList<>(def.devices().disks());
        int i = disks.indexOf(old);
        if (i < 0) {
            Devices.DiskDef now = diskOf(def, updated.targetDev());
            i = now == null ? -1 : disks.indexOf(now);
        }
        if (i >= 0) {
            disks.set(i, updated);
            registry.saveConfig(dom, def.withDevices(def.devices().withDisks(disks)));
        }
    }

    /** The persistent disk no longer lists the merged overlay in its chain. */
    private void dropFromPersistent(DomainObject dom, Step s) throws VirtException {
        if (!dom.isPersistent()) {
            return;
        }
        DomainDef def = dom.def();
        Devices.DiskDef disk = diskOf(def, s.target());
        if (disk == null || !chain(disk).subList(Math.min(1, chain(disk).size()), chain(disk).size())
                .contains(s.top())) {
            return;
        }
        savePersistent(dom, disk, withoutLayer(disk, s.top()));
    }

    private static Devices.DiskDef withoutLayer(Devices.DiskDef disk, String path) {
        List<BackingChain.Layer> layers = new ArrayList<>(disk.backing().layers());
        layers.removeIf(l -> path.equals(l.source()));
        return disk.withBacking(new BackingChain(layers, disk.backing().ends()));
    }

    /** The disk's images from its source down, as far as the definition knows them. */
    private static List<String> chain(Devices.DiskDef disk) {
        List<String> out = new ArrayList<>();
        if (disk.source() != null) {
            out.add(disk.source());
        }
        for (BackingChain.Layer l : disk.backing().layers()) {
            out.add(l.source());
        }
        return out;
    }

    private static Devices.DiskDef diskOf(DomainDef def, String target) {
        return def.devices() == null ? null : def.devices().disks().stream()
                .filter(d -> target.equals(d.targetDev())).findFirst().orElse(null);
    }

    private static VirtException notInChain() {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                "could not find base disk source in disk source chain");
    }

    private static void sleep() throws VirtException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "interrupted");
        }
    }
}
