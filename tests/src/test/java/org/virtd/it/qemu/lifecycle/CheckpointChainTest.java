package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.img;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * Checkpoints across chain changes on the running tiny guest (issue 14): its disk is top.qcow2
 * over base.qcow2. After checkpoint c1 the guest writes; an active commit with pivot makes base
 * the disk and carries c1's bitmap into it, so an incremental backup from c1 still works and
 * holds exactly the 2 MiB written. After checkpoint c2 and another write, a copy with pivot
 * carries the bitmaps into the copy, and an incremental backup from c2 reads as the disk.
 */
class CheckpointChainTest {
    private static final String NAME = "chained-cps";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Timeout(480) // may first build the test guest and its virtio-blk initrd
    void incrementalBackupsAfterCommitAndCopy() throws Exception {
        Path base = prefix.resolve("base.qcow2");
        Path top = prefix.resolve("top.qcow2");
        img("create", "-q", "-f", "qcow2", base.toString(), "32M");
        img("create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", top.toString());
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        TinyGuest guest = TinyGuest.get();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, guest.xml(NAME, prefix)
                .replace(guest.dir().resolve("initrd.img").toString(), guest.blkInitrd().toString())
                .replace("  <devices>\n", "  <devices>\n    <disk type='file' device='disk'><driver name='qemu' "
                        + "type='qcow2'/><source file='" + top + "'/><target dev='vda' bus='virtio'/></disk>\n"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, java.time.Duration.ofSeconds(40));

        ok(uri, "checkpoint-create-as", NAME, "c1");
        Guests.writeVda(uri, prefix, NAME);
        assertTrue(ok(uri, "blockcommit", NAME, "vda", "--active", "--pivot").out().contains("Successfully pivoted"));
        Path inc1 = backup(uri, "c1", "inc1.qcow2");
        assertTrue(img("compare", "-U", base.toString(), inc1.toString()).out().contains("identical"));
        String map = img("map", "--output=json", "-U", inc1.toString()).out();
        // only what the guest wrote after c1 is in the backup's own layer: 2 MiB from 1 MiB on
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "\"start\": (\\d+), \"length\": (\\d+), \"depth\": 0, [^}]*\"data\": true").matcher(map);
        long first = -1;
        long total = 0;
        while (m.find()) {
            first = first < 0 ? Long.parseLong(m.group(1)) : first;
            total += Long.parseLong(m.group(2));
        }
        assertTrue(first == 1 << 20 && total == 2 << 20, map);

        ok(uri, "checkpoint-create-as", NAME, "c2");
        Guests.writeVda(uri, prefix, NAME);
        Path copy = prefix.resolve("copy.qcow2");
        assertTrue(ok(uri, "blockcopy", NAME, "vda", copy.toString(), "--transient-job", "--pivot").out()
                .contains("Successfully pivoted"));
        Path inc2 = backup(uri, "c2", "inc2.qcow2");
        assertTrue(img("compare", "-U", copy.toString(), inc2.toString()).out().contains("identical"));
        Path inc3 = backup(uri, "c1", "inc3.qcow2");
        assertTrue(img("compare", "-U", copy.toString(), inc3.toString()).out().contains("identical"));
    }

    /** A push backup of vda incremental from {@code checkpoint} into {@code file}, awaited. */
    private Path backup(String uri, String checkpoint, String file) throws Exception {
        Path out = prefix.resolve(file);
        Path spec = prefix.resolve(file + ".xml");
        Files.writeString(spec, "<domainbackup><incremental>" + checkpoint + "</incremental><disks><disk name='vda' "
                + "type='file'><target file='" + out + "'/><driver type='qcow2'/></disk></disks></domainbackup>");
        ok(uri, "backup-begin", NAME, spec.toString());
        // an earlier backup's completed statistics may still be shown: wait for this one's end first
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!ok(uri, "domjobinfo", NAME).out().contains("None") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        String completed = Guests.awaitCompletedJob(uri, NAME);
        assertTrue(completed.contains("Operation:        Backup"), completed);
        return out;
    }
}
