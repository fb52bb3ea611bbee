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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * A backup outlives its daemon (issue 14), as with libvirtd: a push backup of 256 MiB of data,
 * its job slowed to 64 KiB/s (backup_throttled.py), is running when virtqemud is killed with
 * SIGKILL; the restarted daemon shows it in {@code domjobinfo} and {@code backup-dumpxml}, and
 * once the job may run at full speed it finishes: JOB_COMPLETED and BLOCK_JOB_2 reach a client
 * connected after the restart and the target equals the disk. A second one aborted after the
 * restart ends cancelled and its target file goes. A pull backup's NBD export still serves the
 * disk after the restart, and domjobabort ends it, its scratch file and socket gone.
 */
class BackupRestartTest {
    private static final String NAME = "backup-restart";
    private static final String JOB = "backup-vda-libvirt-1-format";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;
    EventRecorder events;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, events, daemon);
    }

    @Test
    @Timeout(300)
    void aThrottledPushBackupFinishesAfterARestartAndASecondOneCanBeAborted() throws Exception {
        Path disk = prefix.resolve("disk.qcow2");
        String uri = startWith(disk);
        Path target = prefix.resolve("backup.qcow2");
        begin(uri, push(target, "push.xml"));
        assertTrue(ok(uri, "domjobinfo", NAME).out().contains("Operation:        Backup"));

        restart();
        uri = daemon.uri();
        String info = ok(uri, "domjobinfo", NAME).out();
        assertTrue(info.contains("Job type:         Unbounded") && info.contains("Operation:        Backup"), info);
        assertTrue(info.contains("File total:       512.000 MiB"), info);
        assertTrue(ok(uri, "backup-dumpxml", NAME).out().contains("<target file='" + target + "'/>"));
        speed(uri, 0);
        TinyGuest.await(() -> events.lines().contains("blockjob2 " + NAME + " vda 5 0"), Duration.ofSeconds(60),
                "COMPLETED after the restart: " + events.lines());
        assertTrue(events.lines().contains("jobcompleted " + NAME + " 9 True -"), events.lines().toString());
        String completed = Guests.awaitCompletedJob(uri, NAME);
        assertTrue(completed.contains("File processed:   512.000 MiB"), completed);
        assertTrue(Guests.img("compare", "-U", disk.toString(), target.toString()).out().contains("identical"));

        Path second = prefix.resolve("second.qcow2");
        begin(uri, push(second, "second.xml"));
        events.close();
        restart();
        uri = daemon.uri();
        ok(uri, "domjobabort", NAME);
        TinyGuest.await(() -> events.lines().contains("blockjob2 " + NAME + " vda 5 2"), Duration.ofSeconds(30),
                "CANCELED after the restart: " + events.lines());
        assertTrue(events.lines().contains("jobcompleted " + NAME + " 9 False Operation_canceled"),
                events.lines().toString());
        assertTrue(ok(uri, "domjobinfo", NAME, "--completed").out().contains("Cancelled"));
        assertFalse(Files.exists(second), "the aborted backup's target is gone");
        assertEquals(1, Cli.virsh(uri, "backup-dumpxml", NAME).exit(), "no backup runs any more");
        assertTrue(Guests.state(uri, NAME).startsWith("running"), Guests.state(uri, NAME));
    }

    @Test
    @Timeout(300)
    void aPullBackupsExportOutlivesARestartUntilItIsAborted() throws Exception {
        Path disk = prefix.resolve("disk.qcow2");
        String uri = startWith(disk);
        Path socket = prefix.resolve("nbd.sock");
        Path scratch = prefix.resolve("scratch.qcow2");
        Path xml = prefix.resolve("pull.xml");
        Files.writeString(xml, "<domainbackup mode='pull'><server transport='unix' socket='" + socket
                + "'/><disks><disk name='vda' type='file'><scratch file='" + scratch + "'/></disk></disks>"
                + "</domainbackup>");
        ok(uri, "backup-begin", NAME, xml.toString());

        restart();
        uri = daemon.uri();
        String info = ok(uri, "domjobinfo", NAME).out();
        assertTrue(info.contains("Operation:        Backup") && info.contains("Temporary disk space total: 512.000 MiB"),
                info);
        assertTrue(ok(uri, "backup-dumpxml", NAME).out().contains("<scratch file='" + scratch + "'/>"));
        String nbd = "nbd+unix:///vda?socket=" + socket;
        assertTrue(Guests.img("compare", "-f", "raw", "-F", "qcow2", "-U", nbd, disk.toString()).out()
                .contains("identical"));
        ok(uri, "domjobabort", NAME);
        TinyGuest.await(() -> events.lines().contains("blockjob2 " + NAME + " vda 5 2"), Duration.ofSeconds(30),
                "the end of the pull backup: " + events.lines());
        assertTrue(events.lines().contains("jobcompleted " + NAME + " 9 True Operation_canceled"),
                events.lines().toString());
        assertFalse(Files.exists(scratch), "the scratch file is gone");
        assertFalse(Files.exists(socket), "the NBD server stopped");
        assertTrue(Guests.state(uri, NAME).startsWith("running"), Guests.state(uri, NAME));
    }

    /** Tiny guest with a 512 MiB qcow2 vda holding 256 MiB of data; the daemon's URI. */
    private String startWith(Path disk) throws Exception {
        Guests.img("create", "-q", "-f", "qcow2", disk.toString(), "512M");
        Cli.Result w = Cli.run(List.of("qemu-io", "-f", "qcow2", "-c", "write -P 5 0 256M", disk.toString()), 120);
        assertTrue(w.exit() == 0, w.all());
        daemon = VirtqemudProcess.start(prefix);
        Guests.defineAndStart(daemon.uri(), prefix, NAME, disk);
        return daemon.uri();
    }

    private Path push(Path target, String file) throws Exception {
        Path xml = prefix.resolve(file);
        Files.writeString(xml, "<domainbackup><disks><disk name='vda' type='file'><target file='" + target
                + "'/><driver type='qcow2'/></disk></disks></domainbackup>");
        return xml;
    }

    /** backup-begin with the job slowed to 64 KiB/s before it can finish. */
    private void begin(String uri, Path xml) throws Exception {
        Path script = EventRecorder.resource("backup_throttled.py", prefix);
        Cli.Result r = Cli.run(List.of("/usr/bin/python3", script.toString(), uri, NAME, xml.toString(),
                daemon.runDir().resolve("qemu/" + NAME + ".pid").toString(), JOB), 60);
        assertTrue(r.exit() == 0 && r.out().contains("\"return\""), r.all());
    }

    private void speed(String uri, long bytesPerSecond) throws Exception {
        ok(uri, "qemu-monitor-command", NAME, "{\"execute\":\"block-job-set-speed\",\"arguments\":{\"device\":\""
                + JOB + "\",\"speed\":" + bytesPerSecond + "}}");
    }

    /** SIGKILL and restart of the daemon, then a client for the backup's events. */
    private void restart() throws Exception {
        daemon.kill();
        daemon.restart();
        String status = Files.readString(daemon.runDir().resolve("qemu/" + NAME + ".xml"));
        assertTrue(status.contains("<blockjob name='" + JOB + "' type='backup' state='running' jobflags='0x0'>"), status);
        assertTrue(status.contains("<backups>"), status);
        events = EventRecorder.start(daemon.uri(), prefix, "backup_events.py");
    }
}
