package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.conf.state.DomainStates;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonString;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.time.Duration;

/**
 * What snapshots need from a running guest (libvirt 9.0 takes, loads and deletes internal
 * snapshots through the human monitor): {@code savevm} with the vCPUs stopped around it and no
 * lifecycle events, {@code delvm}, a stop "from snapshot", and a start that loads a snapshot.
 * Callers hold the domain's lock.
 */
public final class SnapshotRuns {
    /** savevm writes the whole guest memory; TCG guests of a few hundred MiB need a while. */
    private static final Duration SAVEVM_LIMIT = Duration.ofMinutes(10);

    /** No throttle for the memory stream, as for a save. */
    private static final long UNLIMITED_BANDWIDTH = 1L << 50;

    private final DomainLifecycle lifecycle;
    private final DomainSaves saves;

    SnapshotRuns(DomainLifecycle lifecycle, DomainSaves saves) {
        this.lifecycle = lifecycle;
        this.saves = saves;
    }

    /** The current run of {@code dom}, or null while it is inactive. */
    public RunningDomain running(DomainObject dom) {
        RunningDomain rd = lifecycle.running(dom);
        return rd == null || rd.stopped || !dom.isActive() ? null : rd;
    }

    /**
     * Takes internal snapshot {@code name} of the running or paused guest; a running one is
     * paused for it (SUSPENDED) and, unless {@code halt} is to follow, resumed (RESUMED).
     */
    public void savevm(DomainObject dom, String name, boolean halt) throws VirtException {
        RunningDomain rd = require(dom);
        QmpClient monitor = DomainControl.monitor(rd);
        boolean resume = dom.state() == DomainStates.RUNNING;
        if (resume) {
            rd.ownStops.incrementAndGet();
            monitor.execute("stop", null);
            dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_SAVE);
            lifecycle.emit(dom, DomainStates.EVENT_SUSPENDED, DomainStates.SUSPENDED_PAUSED);
        }
        try {
            String reply = human(monitor, "savevm \"" + name + "\"", SAVEVM_LIMIT);
            if (reply.contains("Error while creating snapshot") || reply.contains("Could not open VM state file")
                    || reply.contains("State blocked by non-migratable device") || reply.contains("Error: ")
                    || (reply.contains("Error") && reply.contains("while writing VM"))) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "Failed to take snapshot: " + reply);
            }
            if (reply.contains("No block device can accept snapshots")) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "this domain does not have a device to take snapshots");
            }
        } finally {
            if (resume && !rd.stopped && !halt) {
                rd.ownResumes.incrementAndGet();
                monitor.execute("cont", null);
                dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_UNPAUSED);
                lifecycle.emit(dom, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_UNPAUSED);
            }
            lifecycle.writeStatus(rd);
        }
    }

    /**
     * The memory half of an external snapshot with memory state: a running guest is paused
     * (SUSPENDED) and its state written to {@code file} as a save image (the migratable XML,
     * marked running or paused). The guest stays paused: {@link #resumeAfterSnapshot} follows the
     * disk half. Returns whether it was running.
     */
    public boolean saveMemory(DomainObject dom, java.nio.file.Path file) throws VirtException {
        RunningDomain rd = require(dom);
        boolean running = dom.state() == DomainStates.RUNNING;
        if (running) {
            JobPause.pause(lifecycle, rd, DomainStates.PAUSED_SNAPSHOT);
        }
        org.virtd.qemu.saveimage.SaveImage image = org.virtd.qemu.saveimage.SaveImage.create(
                saves.imageXml(rd.startDef()), null, running, org.virtd.qemu.config.ImageFormat.RAW);
        try {
            new ImageWriter(file, image, MigrationWait.limitFor(rd.live().memoryKiB()))
                    .write(DomainControl.monitor(rd), UNLIMITED_BANDWIDTH);
        } catch (VirtException | RuntimeException e) {
            resumeAfterSnapshot(dom, running);
            throw e;
        }
        return running;
    }

    /** The end of an external snapshot with memory: the guest runs again when it ran before (RESUMED). */
    public void resumeAfterSnapshot(DomainObject dom, boolean wasRunning) throws VirtException {
        RunningDomain rd = running(dom);
        if (wasRunning && rd != null) {
            JobPause.resume(lifecycle, rd, DomainStates.RUNNING_UNPAUSED);
        }
    }

    /** Deletes internal snapshot {@code name} from the running guest's disks. */
    public void delvm(DomainObject dom, String name) throws VirtException {
        QmpClient monitor = DomainControl.monitor(require(dom));
        String reply = human(monitor, "delvm \"" + name + "\"", QmpClient.DEFAULT_TIMEOUT);
        if (reply.contains("No block device supports snapshots")) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "this domain does not have a device to delete snapshots");
        }
        if (reply.contains("Error")) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "Failed to delete snapshot: " + reply);
        }
    }

    /** A new overlay for the disk with target {@code target}: an existing qcow2 file over its current top. */
    public record Overlay(String target, String file) {
    }

    /**
     * Puts each overlay on top of its disk in the running guest (libvirt's blockdev path): the
     * overlay's file and format nodes are added under the next free node numbers, then one
     * transaction of {@code blockdev-snapshot}s switches the guest to them; the live definition
     * shows each overlay with the former chain as its {@code <backingStore>}.
     */
    public void diskSnapshot(DomainObject dom, java.util.List<Overlay> overlays) throws VirtException {
        RunningDomain rd = require(dom);
        QmpClient monitor = DomainControl.monitor(rd);
        org.virtd.conf.domain.Devices devices = rd.live().devices();
        java.util.List<org.virtd.conf.domain.Devices.DiskDef> disks = new java.util.ArrayList<>(devices.disks());
        int next = 1 + disks.stream().mapToInt(d -> Math.max(d.sourceIndex(), d.backing().highestIndex()))
                .max().orElse(0);
        java.util.List<JsonValue> actions = new java.util.ArrayList<>();
        java.util.List<org.virtd.conf.domain.Devices.DiskDef> updated = new java.util.ArrayList<>(disks);
        for (Overlay o : overlays) {
            int i = indexOf(disks, o.target());
            org.virtd.conf.domain.Devices.DiskDef disk = disks.get(i);
            int n = next++;
            lifecycle.labelDisk(rd.live(), java.nio.file.Path.of(o.file()), false);
            monitor.execute("blockdev-add", JsonObject.of("driver", "file", "filename", o.file(),
                    "node-name", "libvirt-" + n + "-storage", "auto-read-only", true, "discard", "unmap"));
            monitor.execute("blockdev-add", JsonObject.of("node-name", "libvirt-" + n + "-format", "read-only", false,
                    "driver", "qcow2", "file", "libvirt-" + n + "-storage", "backing", null));
            actions.add(JsonObject.of("type", "blockdev-snapshot", "data", JsonObject.of(
                    "node", "libvirt-" + disk.sourceIndex() + "-format", "overlay", "libvirt-" + n + "-format")));
            updated.set(i, overlaid(disk, o.file(), n));
        }
        monitor.execute("transaction", JsonObject.of("actions", new org.virtd.qemu.qmp.JsonArray(actions)));
        lifecycle.replaceLive(dom, rd.live().withDevices(devices.withDisks(updated)));
    }

    /** {@code disk} now reading and writing {@code file} (qcow2, number {@code n}) over its former chain. */
    public static org.virtd.conf.domain.Devices.DiskDef overlaid(org.virtd.conf.domain.Devices.DiskDef disk,
            String file, int n) {
        var former = new org.virtd.conf.domain.BackingChain.Layer(disk.type() == null ? "file" : disk.type(),
                disk.driverType() == null ? "raw" : disk.driverType(), disk.source(), disk.sourceIndex());
        var chain = new org.virtd.conf.domain.BackingChain(java.util.List.of(former), false)
                .then(disk.backing().layers(), disk.backing().ends());
        return new org.virtd.conf.domain.Devices.DiskDef("file", disk.device(), disk.driverName(), "qcow2", file,
                disk.targetDev(), disk.targetBus(), disk.readonly(), disk.address(), disk.alias(), n,
                disk.driverCache(), chain);
    }

    private static int indexOf(java.util.List<org.virtd.conf.domain.Devices.DiskDef> disks, String target)
            throws VirtException {
        for (int i = 0; i < disks.size(); i++) {
            if (target.equals(disks.get(i).targetDev())) {
                return i;
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "no disk " + target + " in the live definition");
    }

    /** Ends the run because a snapshot asked so (halt after create, revert): STOPPED/FROM_SNAPSHOT. */
    public void stop(DomainObject dom) throws VirtException {
        RunningDomain rd = require(dom);
        rd.destroying = true;
        rd.process().terminate(false);
        lifecycle.stop(rd, DomainStates.SHUTOFF_FROM_SNAPSHOT, DomainStates.STOPPED_FROM_SNAPSHOT);
    }

    /** Starts {@code def} loading internal snapshot {@code loadvm} (null: boot), then runs or stays paused. */
    public void start(DomainObject dom, DomainDef def, String loadvm, boolean run) throws VirtException {
        lifecycle.start(dom, def, false, null, new SnapshotStart(loadvm, run));
    }

    /** Block job statuses of the events a merge raises. */
    public static final int JOB_COMPLETED = 0;
    public static final int JOB_READY = 3;
    private static final int JOB_COMMIT = 3;
    private static final int JOB_ACTIVE_COMMIT = 4;

    /**
     * BLOCK_JOB (naming {@code path}) and BLOCK_JOB_2 (naming {@code target}) for a commit done
     * outside QEMU while the guest is shut off, as libvirt's short-lived paused QEMU reports it.
     */
    public void commitEvent(DomainObject dom, String path, String target, boolean active, int status) {
        int type = active ? JOB_ACTIVE_COMMIT : JOB_COMMIT;
        lifecycle.events().domainEvent(new org.virtd.rpc.remote.types.BlockJobEvent(dom.ref(), path, type, status));
        lifecycle.events().domainEvent(new org.virtd.rpc.remote.types.BlockJob2Event(dom.ref(), target, type, status));
    }

    /** DEFINED/FROM_SNAPSHOT: a revert replaced the persistent definition. */
    public void defined(DomainObject dom) {
        lifecycle.emit(dom, DomainStates.EVENT_DEFINED, DomainStates.DEFINED_FROM_SNAPSHOT);
    }

    /** The definition the run started from, without ptys (what a snapshot of it records). */
    public DomainDef startDef(DomainObject dom) throws VirtException {
        return LiveDefinition.withoutPtys(require(dom).startDef());
    }

    /** The live definition, as the CPU in the save cookie describes the running guest. */
    public DomainDef live(DomainObject dom) throws VirtException {
        return require(dom).live();
    }

    /** The live XML (secure, with the run's id), for pieces such as the updated CPU. */
    public String liveXml(DomainObject dom) throws VirtException {
        RunningDomain rd = require(dom);
        return DomainXmlFormatter.format(rd.live(), new DomainXmlFormatter.Options(rd.id(), true));
    }

    private RunningDomain require(DomainObject dom) throws VirtException {
        RunningDomain rd = running(dom);
        if (rd == null) {
            throw DomainControl.notRunning(ErrorDomain.QEMU);
        }
        return rd;
    }

    static String human(QmpClient monitor, String command, Duration limit) throws VirtException {
        JsonValue out = monitor.execute("human-monitor-command", JsonObject.of("command-line", command), limit);
        return out instanceof JsonString s ? s.value() : "";
    }

    /** A human-monitor command whose reply is an error when it mentions one. */
    static void hmp(QmpClient monitor, String command, String failure) throws VirtException {
        String reply = human(monitor, command, SAVEVM_LIMIT);
        if (reply.contains("Error")) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, failure + ": " + reply);
        }
    }
}
