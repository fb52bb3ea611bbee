package org.virtd.qemu.blockjob;

import org.virtd.conf.domain.BackingChain;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DiskMirror;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.blockjob.DiskImages.Image;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainLifecycle;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * Starting commit, pull and copy jobs as libvirt 9.0 starts them with -blockdev (QMP
 * block-commit, block-stream, blockdev-mirror, job ids {@code TYPE-DST-TOPNODE}, auto-dismiss
 * off so the driver sees every end); a copy's new image is created as libvirt does (an empty
 * file, then blockdev-create with the source's size and cluster size). Callers hold the lock.
 */
final class BlockJobStarts {
    private static final Duration CREATE_WAIT = Duration.ofSeconds(60);
    /** The API flags a job's status entry keeps (jobflags) as far as they reach the start. */
    private static final int COMMIT_ACTIVE = 4;
    private static final int COPY_SHALLOW = 1;
    private static final int COPY_REUSE_EXT = 2;
    private static final int COPY_TRANSIENT_JOB = 4;

    private final DomainLifecycle lifecycle;

    BlockJobStarts(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /**
     * Block commit of images top..above base into base; active when top is the disk's source.
     * {@code backingName}: what the image above top comes to name the base by (null: its path);
     * {@code deleteImages}: the merged images' files go once the job has completed.
     */
    void commit(RunningDomain rd, DiskDef d, int top, int base, long speed, String backingName,
                boolean deleteImages) throws VirtException {
        List<Image> images = DiskImages.of(d);
        Image topImage = images.get(top);
        Image baseImage = images.get(base);
        boolean active = top == 0;
        String name = "commit-" + d.targetDev() + "-" + topImage.formatNode();
        JsonObject args = JsonObject.of("device", images.get(0).formatNode(), "job-id", name,
                "top-node", topImage.formatNode(), "base-node", baseImage.formatNode());
        if (!active) {
            args = args.with("backing-file", backingName != null ? backingName : baseImage.path());
        }
        args = withSpeed(args, speed).with("auto-finalize", true).with("auto-dismiss", false);
        monitor(rd).execute("block-commit", args);
        BlockJobs jobs = BlockJobs.of(rd);
        jobs.add(new BlockJob(name, active ? BlockJobType.ACTIVE_COMMIT : BlockJobType.COMMIT, d.targetDev(),
                topImage.index(), baseImage.index(), 0, false, active ? COMMIT_ACTIVE : 0, BlockJob.State.RUNNING,
                deleteImages));
        lifecycle.statusChanged(rd);
        if (active) {
            replaceDisk(rd, d.withMirror(new DiskMirror("active-commit", baseImage.type(), baseImage.format(),
                    baseImage.path(), baseImage.index(), false, false)));
        }
    }

    /** Block pull into the source of everything above {@code base} (-1: the whole chain). */
    void pull(RunningDomain rd, DiskDef d, int base, long speed, String backingName) throws VirtException {
        List<Image> images = DiskImages.of(d);
        String name = "pull-" + d.targetDev() + "-" + images.get(0).formatNode();
        JsonObject args = JsonObject.of("device", images.get(0).formatNode(), "job-id", name);
        if (base > 0) {
            args = args.with("base-node", images.get(base).formatNode()).with("backing-file",
                    backingName != null ? backingName : images.get(base).path());
        }
        args = withSpeed(args, speed).with("auto-finalize", true).with("auto-dismiss", false);
        monitor(rd).execute("block-stream", args);
        BlockJobs.of(rd).add(new BlockJob(name, BlockJobType.PULL, d.targetDev(), images.get(0).index(),
                base > 0 ? images.get(base).index() : 0, 0, false, BlockJob.State.RUNNING));
        lifecycle.statusChanged(rd);
    }

    /**
     * Copy of the disk to {@code dest} ({@code format}, null: the source's): created unless
     * {@code reuse}; {@code shallow}: only the top image, the new one over the same backing chain.
     */
    void copy(RunningDomain rd, DiskDef d, Path dest, String format, boolean shallow, boolean reuse, long speed,
              JsonObject tuning) throws VirtException {
        List<Image> images = DiskImages.of(d);
        Image top = images.get(0);
        String fmt = format != null ? format : top.format() == null ? "raw" : top.format();
        boolean keepsChain = shallow && images.size() > 1;
        if (reuse && !Files.exists(dest)) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "missing destination file for disk " + d.targetDev() + ": " + dest + ": No such file or directory");
        }
        boolean empty = Files.isRegularFile(dest) && size(dest) == 0;
        if (!reuse && Files.exists(dest) && !empty && !isBlockDevice(dest)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "external destination file for disk " + d.targetDev()
                            + " already exists and is not a block device: " + dest);
        }
        QmpClient mon = monitor(rd);
        BlockJobs jobs = BlockJobs.of(rd);
        int index = BlockJobs.nextIndex(rd);
        String storage = "libvirt-" + index + "-storage";
        String formatNode = "libvirt-" + index + "-format";
        boolean created = false;
        try {
            if (!reuse && !empty) {
                Files.createFile(dest, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                created = true;
            }
            if (!reuse && "raw".equals(fmt)) {
                // a raw image has no header to create: the file just takes the source's size
                try (var f = new java.io.RandomAccessFile(dest.toFile(), "rw")) {
                    f.setLength(virtualSize(mon, top)[0]);
                }
            }
            lifecycle.labelDisk(rd.live(), dest, false);
            mon.execute("blockdev-add", JsonObject.of("driver", "file", "filename", dest.toString(), "node-name",
                    storage, "auto-read-only", true, "discard", "unmap"));
            if (!reuse && !"raw".equals(fmt)) {
                create(mon, top, index, storage, fmt, keepsChain ? images.get(1) : null);
            }
            JsonObject fmtNode = JsonObject.of("node-name", formatNode, "read-only", false, "driver", fmt,
                    "file", storage);
            if (!"raw".equals(fmt)) {
                fmtNode = fmtNode.with("backing", keepsChain ? images.get(1).formatNode() : null);
            }
            mon.execute("blockdev-add", fmtNode);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot create file '" + dest + "': " + e.getMessage());
        } catch (VirtException e) {
            deleteNodes(mon, formatNode, storage);
            if (created) {
                quietlyDelete(dest);
            }
            throw e;
        }
        String name = "copy-" + d.targetDev() + "-" + top.formatNode();
        JsonObject args = JsonObject.of("job-id", name, "device", top.formatNode(), "target", formatNode);
        args = withSpeed(args, speed);
        for (String k : tuning.keys()) {
            args = args.with(k, tuning.get(k));
        }
        args = args.with("sync", shallow ? "top" : "full").with("auto-finalize", true).with("auto-dismiss", false);
        try {
            mon.execute("blockdev-mirror", args);
        } catch (VirtException e) {
            deleteNodes(mon, formatNode, storage);
            throw e;
        }
        jobs.add(new BlockJob(name, BlockJobType.COPY, d.targetDev(), top.index(), 0, index, shallow,
                (shallow ? COPY_SHALLOW : 0) | (reuse ? COPY_REUSE_EXT : 0) | COPY_TRANSIENT_JOB, BlockJob.State.RUNNING));
        replaceDisk(rd, d.withMirror(new DiskMirror("copy", "file", fmt, dest.toString(), index, false, !shallow)));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isBlockDevice(Path p) {
        try {
            return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).isOther();
        } catch (IOException e) {
            return false;
        }
    }

    /** blockdev-create of the new image with the size and cluster size of {@code like}; waits for it. */
    static void create(QmpClient mon, Image like, int index, String storage, String fmt, Image backing)
            throws VirtException {
        long[] sizes = virtualSize(mon, like);
        long size = sizes[0];
        long cluster = sizes[1];
        String job = "create-libvirt-" + index + "-format";
        JsonObject options = JsonObject.of("driver", fmt, "file", storage, "size", size);
        if (cluster > 0 && "qcow2".equals(fmt)) {
            options = options.with("cluster-size", cluster);
        }
        if (backing != null) {
            options = options.with("backing-file", backing.path()).with("backing-fmt", backing.format());
        }
        mon.execute("blockdev-create", JsonObject.of("job-id", job, "options", options));
        long deadline = System.nanoTime() + CREATE_WAIT.toNanos();
        while (true) {
            JsonObject info = QmpJobs.find(mon, job);
            if (info == null || "concluded".equals(info.string("status", ""))) {
                mon.execute("job-dismiss", JsonObject.of("id", job));
                String error = info == null ? null : info.string("error", null);
                if (error != null) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                            "failed to create the copy's image: " + error);
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                        "creating the copy's image took too long");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "interrupted");
            }
        }
    }

    /** The virtual size and cluster size QEMU reports for the image {@code like}. */
    static long[] virtualSize(QmpClient mon, Image like) throws VirtException {
        for (JsonObject n : ((org.virtd.qemu.qmp.JsonArray) mon.execute("query-named-block-nodes",
                JsonObject.of("flat", true))).objects()) {
            if (like.formatNode().equals(n.string("node-name", ""))) {
                JsonObject image = n.object("image");
                return image == null ? new long[2]
                        : new long[] {image.number("virtual-size", 0), image.number("cluster-size", 0)};
            }
        }
        return new long[2];
    }

    static void deleteNodes(QmpClient mon, String... nodes) {
        for (String n : nodes) {
            try {
                mon.execute("blockdev-del", JsonObject.of("node-name", n));
            } catch (VirtException e) {
                // not there (never added, or already gone): nothing to remove
            }
        }
    }

    static void quietlyDelete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // left behind; the caller's error says what failed
        }
    }

    private static JsonObject withSpeed(JsonObject args, long speed) {
        return speed > 0 ? args.with("speed", speed) : args;
    }

    static QmpClient monitor(RunningDomain rd) {
        return rd.process().monitor();
    }

    void replaceDisk(RunningDomain rd, DiskDef disk) throws VirtException {
        DomainObject dom = rd.domain();
        lifecycle.replaceLive(dom, withDisk(rd.live(), disk));
    }

    static DomainDef withDisk(DomainDef def, DiskDef disk) {
        List<DiskDef> disks = new java.util.ArrayList<>(def.devices().disks());
        for (int i = 0; i < disks.size(); i++) {
            if (disks.get(i).targetDev().equals(disk.targetDev())) {
                disks.set(i, disk);
            }
        }
        return def.withDevices(def.devices().withDisks(disks));
    }

    /** The chain below position {@code from} of {@code images}, numbered, ending where the disk's does. */
    static BackingChain chainFrom(DiskDef d, int from) {
        return d.backing().from(from);
    }
}
