package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * Incremental and pull-mode backups of the running tiny guest (issue 14): after checkpoint c1
 * the guest writes 2 MiB at 1 MiB into its qcow2 disk; an incremental push backup from c1 then
 * holds exactly those clusters (qemu-img map of the new file) over the disk as backing file and
 * reads as the disk; a pull backup from c1 that also creates checkpoint c2 exports the disk over
 * NBD on a unix socket, which reads as the disk, with the dirty bitmap exported beside it, until
 * domjobabort ends it and its scratch file goes.
 */
class IncrementalBackupTest {
    private static final String NAME = "backedup-inc";
    private static final Pattern DATA = Pattern.compile(
            "\"start\": (\\d+), \"length\": (\\d+), \"depth\": 0, [^}]*\"data\": true");

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Timeout(480) // may first build the test guest and its virtio-blk initrd, each bounded at 300 s
    void incrementalAndPullBackupsHoldWhatTheGuestWrote() throws Exception {
        Path disk = prefix.resolve("disk.qcow2");
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Guests.startWithQcow2Disk(uri, prefix, NAME, disk);
        ok(uri, "checkpoint-create-as", NAME, "c1");
        Guests.writeVda(uri, prefix, NAME);

        Path inc = prefix.resolve("inc.qcow2");
        Path incXml = prefix.resolve("inc.xml");
        Files.writeString(incXml, "<domainbackup><incremental>c1</incremental><disks><disk name='vda' type='file'>"
                + "<target file='" + inc + "'/><driver type='qcow2'/></disk></disks></domainbackup>");
        ok(uri, "backup-begin", NAME, incXml.toString());
        String completed = awaitCompleted(uri);
        assertTrue(completed.contains("File total:       2.000 MiB"), completed);
        Cli.Result map = Guests.img("map", "--output=json", "-U", inc.toString());
        assertEquals(List.of(1L << 20, 2L << 20), topData(map.out()), map.out());
        Cli.Result info = Guests.img("info", "-U", inc.toString());
        assertTrue(info.out().contains("backing file: " + disk), info.out());
        assertTrue(Guests.img("compare", "-U", disk.toString(), inc.toString()).out().contains("identical"));
        assertFalse(ok(uri, "qemu-monitor-command", NAME, "{\"execute\":\"query-named-block-nodes\"}").out().contains("backup-vda"),
                "the temporary bitmap is gone");

        Path socket = prefix.resolve("nbd.sock");
        Path scratch = prefix.resolve("scratch.qcow2");
        Path pullXml = prefix.resolve("pull.xml");
        Path cpXml = prefix.resolve("c2.xml");
        Files.writeString(pullXml, "<domainbackup mode='pull'><incremental>c1</incremental><server transport='unix' "
                + "socket='" + socket + "'/><disks><disk name='vda' type='file'><scratch file='" + scratch
                + "'/></disk></disks></domainbackup>");
        Files.writeString(cpXml, "<domaincheckpoint><name>c2</name></domaincheckpoint>");
        ok(uri, "backup-begin", NAME, pullXml.toString(), cpXml.toString());
        String dump = ok(uri, "backup-dumpxml", NAME).out();
        assertTrue(dump.contains("<domainbackup mode='pull'>"), dump);
        assertTrue(dump.contains("<server transport='unix' socket='" + socket + "'/>"), dump);
        assertTrue(dump.contains("backupmode='incremental' incremental='c1' exportname='vda' exportbitmap='backup-vda'"),
                dump);
        assertTrue(dump.contains("<scratch file='" + scratch + "'/>"), dump);
        assertTrue(ok(uri, "checkpoint-list", NAME, "--name").out().contains("c2"));
        String nbd = "nbd+unix:///vda?socket=" + socket;
        assertTrue(Guests.img("compare", "-f", "raw", "-F", "qcow2", "-U", nbd, disk.toString()).out()
                .contains("identical"));
        Cli.Result dirty = Guests.img("map", "--output=json", "--image-opts",
                "driver=nbd,server.type=unix,server.path=" + socket + ",export=vda,"
                        + "x-dirty-bitmap=qemu:dirty-bitmap:backup-vda");
        // the dirty regions read as holes ("data": false) through x-dirty-bitmap
        assertTrue(dirty.out().contains("\"start\": 1048576, \"length\": 2097152") , dirty.out());

        ok(uri, "domjobabort", NAME);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Cli.virsh(uri, "backup-dumpxml", NAME).exit() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(1, Cli.virsh(uri, "backup-dumpxml", NAME).exit(), "the pull backup ended");
        assertFalse(Files.exists(scratch), "the scratch file is gone");
        assertFalse(Files.exists(socket), "the NBD server stopped");
        assertTrue(Guests.state(uri, NAME).startsWith("running"), Guests.state(uri, NAME));
    }

    private static String awaitCompleted(String uri) throws Exception {
        String completed = Guests.awaitCompletedJob(uri, NAME);
        assertTrue(completed.contains("Operation:        Backup"), completed);
        return completed;
    }

    /** Start and total length of the data the top image itself holds, from qemu-img map's JSON. */
    private static List<Long> topData(String json) {
        long start = -1;
        long length = 0;
        Matcher m = DATA.matcher(json);
        while (m.find()) {
            start = start < 0 ? Long.parseLong(m.group(1)) : start;
            length += Long.parseLong(m.group(2));
        }
        return List.of(start, length);
    }
}
