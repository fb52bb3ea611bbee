package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * A push-mode backup of the running tiny guest (issue 14): the guest writes to its qcow2 disk
 * through its own virtio-blk driver, {@code virsh backup-begin} copies the disk to a new file
 * while the guest runs, and the copy equals the disk (qemu-img compare); the finished job is in
 * {@code domjobinfo --completed}.
 */
class BackupTest {
    private static final String NAME = "backedup-push";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Timeout(480) // may first build the test guest and its virtio-blk initrd, each bounded at 300 s
    void aPushBackupEqualsTheDiskTheGuestWrote() throws Exception {
        Path disk = prefix.resolve("disk.qcow2");
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Guests.startWithQcow2Disk(uri, prefix, NAME, disk);
        Guests.writeVda(uri, prefix, NAME);

        Path target = prefix.resolve("backup.qcow2");
        Path backupXml = prefix.resolve("backup.xml");
        Files.writeString(backupXml, "<domainbackup><disks><disk name='vda' type='file'><target file='" + target
                + "'/><driver type='qcow2'/></disk></disks></domainbackup>");
        assertTrue(ok(uri, "backup-begin", NAME, backupXml.toString()).out().contains("Backup started"));
        String completed = Guests.awaitCompletedJob(uri, NAME);
        assertTrue(completed.contains("Operation:        Backup"), completed);
        assertTrue(completed.contains("File total:       32.000 MiB"), completed);
        Cli.Result compare = Guests.img("compare", "-U", disk.toString(), target.toString());
        assertTrue(compare.out().contains("Images are identical"), compare.all());
        assertEquals(1, Cli.virsh(uri, "backup-dumpxml", NAME).exit(), "no backup runs any more");
        assertTrue(Guests.state(uri, NAME).startsWith("running"), Guests.state(uri, NAME));
    }
}
