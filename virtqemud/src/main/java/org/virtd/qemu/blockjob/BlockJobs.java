package org.virtd.qemu.blockjob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;

/**
 * The block jobs of one run, by disk target, kept in the run's status file ({@code <blockjobs>},
 * {@link BlockJobStatus}) from which a restarted daemon reads them back; also numbers new block
 * nodes from the run's counter, which never hands out a number twice. Used under the domain's lock;
 * {@link #changed} wakes callers that wait for a job to end.
 */
final class BlockJobs {
    private static final Logger LOG = LoggerFactory.getLogger(BlockJobs.class);
    /** The job record of earlier versions beside the status file, read once if still there. */
    private static final String LEGACY_RECORD = "blockjobs";

    private final Map<String, BlockJob> byDisk = new LinkedHashMap<>();
    final Condition changed;
    /** The status entries of a running backup's jobs ("" when none runs). */
    private String backupEntries = "";

    private BlockJobs(Condition changed) {
        this.changed = changed;
    }

    /** The jobs of {@code rd}; a run re-attached at start first gets those its status file names. */
    static BlockJobs of(RunningDomain rd) {
        return rd.attachment(BlockJobs.class, () -> {
            BlockJobs jobs = new BlockJobs(rd.domain().lock().newCondition());
            jobs.load(rd);
            return jobs;
        });
    }

    BlockJob get(String dst) {
        return byDisk.get(dst);
    }

    BlockJob named(String name) {
        for (BlockJob j : byDisk.values()) {
            if (j.name.equals(name)) {
                return j;
            }
        }
        return null;
    }

    List<BlockJob> all() {
        return new ArrayList<>(byDisk.values());
    }

    void add(BlockJob job) {
        byDisk.put(job.dst, job);
    }

    void remove(BlockJob job) {
        byDisk.remove(job.dst, job);
        changed.signalAll();
    }

    private void load(RunningDomain rd) {
        Path legacy = rd.domainDir().resolve(LEGACY_RECORD);
        try {
            if (rd.recoveredStatus() != null) {
                BlockJobStatus.parse(rd.recoveredStatus(), rd.live()).forEach(j -> byDisk.put(j.dst, j));
            }
            if (Files.exists(legacy)) {
                for (String line : Files.readAllLines(legacy)) {
                    if (!line.isBlank()) {
                        BlockJob j = BlockJob.parseRecord(line);
                        byDisk.putIfAbsent(j.dst, j);
                    }
                }
                Files.delete(legacy);
            }
        } catch (VirtException | IOException | RuntimeException e) {
            LOG.warn("cannot read the block jobs of '{}': {}", rd.domain().name(), e.getMessage());
        }
    }

    /** A backup's jobs as the status XML lists them beside these; "" when its jobs ended. */
    void backupEntries(String entries) {
        backupEntries = entries;
    }

    /** The jobs as the status XML holds them, a backup's after the disk jobs. */
    String statusXml(DomainDef live) {
        return BlockJobStatus.format(all(), live, backupEntries);
    }

    /** A number for a new block node: above every image of the live definition and every number given. */
    static int nextIndex(RunningDomain rd) {
        int max = 0;
        DomainDef live = rd.live();
        if (live.devices() != null) {
            for (DiskDef d : live.devices().disks()) {
                max = Math.max(max, d.highestIndex());
            }
        }
        return rd.nextNode(max);
    }
}
