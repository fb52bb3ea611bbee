package org.virtd.qemu.blockjob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.lifecycle.RunningDomain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;

/**
 * The block jobs of one run, by disk target, and the record of them beside the run's status
 * file ({@code blockjobs} in the domain's runtime dir) that a restarted daemon reads back; also
 * the run's counter of block node numbers, which never hands out a number twice. Used under the
 * domain's lock; {@link #changed} wakes callers that wait for a job to end.
 */
final class BlockJobs {
    private static final Logger LOG = LoggerFactory.getLogger(BlockJobs.class);
    private static final String FILE = "blockjobs";

    private final Map<String, BlockJob> byDisk = new LinkedHashMap<>();
    private final Path record;
    final Condition changed;
    private int lastIndex;

    private BlockJobs(Path record, Condition changed) {
        this.record = record;
        this.changed = changed;
    }

    /** The jobs of {@code rd}, read from its record the first time (after a daemon restart, say). */
    static BlockJobs of(RunningDomain rd) {
        return rd.attachment(BlockJobs.class, () -> {
            BlockJobs jobs = new BlockJobs(rd.domainDir().resolve(FILE), rd.domain().lock().newCondition());
            jobs.load();
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
        save();
    }

    void remove(BlockJob job) {
        byDisk.remove(job.dst, job);
        save();
        changed.signalAll();
    }

    void save() {
        StringBuilder out = new StringBuilder();
        byDisk.values().forEach(j -> out.append(j.record()).append('\n'));
        try {
            if (byDisk.isEmpty()) {
                Files.deleteIfExists(record);
            } else {
                Files.writeString(record, out);
            }
        } catch (IOException e) {
            LOG.warn("cannot record block jobs in {}: {}", record, e.getMessage());
        }
    }

    private void load() {
        try {
            if (Files.exists(record)) {
                for (String line : Files.readAllLines(record)) {
                    if (!line.isBlank()) {
                        BlockJob j = BlockJob.parse(line);
                        byDisk.put(j.dst, j);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the block job record {}: {}", record, e.getMessage());
        }
    }

    /**
     * The jobs as libvirt's status XML holds them: {@code <blockjobs active=>} with each job's
     * name, type and state and the disk it runs on (mirror='yes' while it has a mirror).
     */
    String statusXml() {
        if (byDisk.isEmpty()) {
            return "  <blockjobs active='no'/>\n";
        }
        StringBuilder sb = new StringBuilder("  <blockjobs active='yes'>\n");
        for (BlockJob j : byDisk.values()) {
            sb.append("    <blockjob name='").append(j.name).append("' type='").append(j.type.xmlName)
                    .append("' state='").append(j.state.name().toLowerCase(java.util.Locale.ROOT)).append("'>\n")
                    .append("      <disk dst='").append(j.dst).append('\'');
            if (j.type == BlockJobType.COPY || j.type == BlockJobType.ACTIVE_COMMIT) {
                sb.append(" mirror='yes'");
            }
            sb.append("/>\n    </blockjob>\n");
        }
        return sb.append("  </blockjobs>\n").toString();
    }

    /** A number for a new block node: above every image of the live definition and every number given. */
    int nextIndex(DomainDef live) {
        int max = lastIndex;
        if (live.devices() != null) {
            for (DiskDef d : live.devices().disks()) {
                max = Math.max(max, d.highestIndex());
            }
        }
        lastIndex = max + 1;
        return lastIndex;
    }
}
