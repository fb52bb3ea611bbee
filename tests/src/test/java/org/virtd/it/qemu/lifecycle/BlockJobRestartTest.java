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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * A block job outlives its daemon (issue 14): a blockcopy throttled to 64 KiB/s over 24 MiB of
 * data is running when virtqemud is killed with SIGKILL; the restarted daemon finds it again
 * (the job in the status file's {@code <blockjobs>} as libvirt 9.0 writes it, QEMU's job list):
 * {@code blockjob --info} shows it, its speed can be lifted, the READY and then COMPLETED events
 * of the pivot reach a client connected after the restart, and the disk then runs on the copy,
 * which equals the original data. A throttled commit of the middle image of a three-image chain
 * and a throttled pull of a two-image chain likewise end after a restart with their chains
 * changed as without one.
 */
class BlockJobRestartTest {
    private static final String NAME = "copy-restart";

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
    void aThrottledCopySurvivesAKilledDaemonAndPivotsAfterTheRestart() throws Exception {
        Path disk = prefix.resolve("disk.qcow2");
        Path copy = prefix.resolve("copy.qcow2");
        withData(disk, 5, 24);
        String uri = startWith(NAME, disk);
        ok(uri, "blockcopy", NAME, "vda", copy.toString(), "--transient-job", "--bandwidth", "65536", "--bytes");
        String before = ok(uri, "blockjob", NAME, "vda", "--info").all();
        assertTrue(before.contains("Block Copy"), before);

        daemon.kill();
        daemon.restart();
        String status = Files.readString(daemon.runDir().resolve("qemu/" + NAME + ".xml"));
        assertTrue(status.contains("<blockjobs active='yes'>"), status);
        assertTrue(status.contains("<blockjob name='copy-vda-libvirt-1-format' type='copy' state='running' "
                + "jobflags='0x4'>\n      <disk dst='vda' mirror='yes'/>\n    </blockjob>"), status);
        events = EventRecorder.start(uri, prefix);
        String info = ok(uri, "blockjob", NAME, "vda", "--info", "--bytes").all();
        assertTrue(info.contains("Block Copy") && info.contains("65536 bytes/s"), info);
        assertTrue(ok(uri, "dumpxml", NAME).out().contains("<mirror type='file' file='" + copy + "'"));

        ok(uri, "blockjob", NAME, "vda", "--bandwidth", "0");
        TinyGuest.await(() -> events.lines().contains("blockjob2 " + NAME + " vda 2 3"), Duration.ofSeconds(60),
                "READY after the restart: " + events.lines());
        ok(uri, "blockjob", NAME, "vda", "--pivot");
        TinyGuest.await(() -> events.lines().contains("blockjob2 " + NAME + " vda 2 0"), Duration.ofSeconds(20),
                "COMPLETED after the restart: " + events.lines());
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<source file='" + copy + "'"), live);
        assertFalse(live.contains("<mirror"), live);
        assertFalse(ok(uri, "blockjob", NAME, "vda", "--info").all().contains("Block Copy"));
        Cli.Result compare = Guests.img("compare", "-U", disk.toString(), copy.toString());
        assertTrue(compare.out().contains("identical"), compare.all());
    }

    @Test
    @Timeout(300)
    void aThrottledCommitOfTheMiddleImageEndsAfterTheRestart() throws Exception {
        Path base = prefix.resolve("base.qcow2");
        Path mid = prefix.resolve("mid.qcow2");
        Path top = prefix.resolve("top.qcow2");
        withData(base, 5, 24);
        Guests.img("create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", mid.toString());
        assertTrue(Cli.run(java.util.List.of("qemu-io", "-f", "qcow2", "-c", "write -P 6 0 8M", mid.toString()), 60)
                .exit() == 0);
        Guests.img("create", "-q", "-f", "qcow2", "-b", mid.toString(), "-F", "qcow2", top.toString());
        String name = "commit-restart";
        String uri = startWith(name, top);
        ok(uri, "blockcommit", name, "vda", "--top", mid.toString(), "--base", base.toString(), "--bandwidth",
                "65536", "--bytes");

        restart(name, "<blockjob name='commit-vda-libvirt-2-format' type='commit' state='running' jobflags='0x0'>\n"
                + "      <disk dst='vda'/>\n      <base node='libvirt-3-format'/>\n      <top node='libvirt-2-format'/>\n"
                + "      <topparent node='libvirt-1-format'/>\n    </blockjob>");
        String uriAfter = runToTheEnd(name, "Block Commit", 3);
        String live = ok(uriAfter, "dumpxml", name).out();
        assertFalse(live.contains(mid.toString()), live);
        assertTrue(live.contains("<source file='" + base + "'"), live);
        ok(uriAfter, "destroy", name); // QEMU's cached image metadata reaches the file
        assertTrue(Guests.img("info", top.toString()).out().contains("backing file: " + base));
        assertTrue(reads(top, 6, 0, 8) && reads(top, 5, 8, 16), "the chain reads as before the commit");
    }

    @Test
    @Timeout(300)
    void aThrottledPullEndsAfterTheRestart() throws Exception {
        Path base = prefix.resolve("base.qcow2");
        Path top = prefix.resolve("top.qcow2");
        withData(base, 5, 24);
        Guests.img("create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", top.toString());
        String name = "pull-restart";
        String uri = startWith(name, top);
        ok(uri, "blockpull", name, "vda", "--bandwidth", "65536", "--bytes");

        restart(name, "<blockjob name='pull-vda-libvirt-1-format' type='pull' state='running' jobflags='0x0'>\n"
                + "      <disk dst='vda'/>\n    </blockjob>");
        String uriAfter = runToTheEnd(name, "Block Pull", 1);
        String live = ok(uriAfter, "dumpxml", name).out();
        assertFalse(live.contains(base.toString()), live);
        ok(uriAfter, "destroy", name); // QEMU's cached image metadata reaches the file
        assertFalse(Guests.img("info", top.toString()).out().contains("backing file"));
        assertTrue(reads(top, 5, 0, 24), "the pulled image holds the data itself");
    }

    /** A new daemon and tiny guest {@code name} started on it with {@code disk} as vda; the daemon's URI. */
    private String startWith(String name, Path disk) throws Exception {
        daemon = VirtqemudProcess.start(prefix);
        Guests.defineAndStart(daemon.uri(), prefix, name, disk);
        return daemon.uri();
    }

    /** After the restart: the job is shown still slowed, may run at full speed and completes; the URI. */
    private String runToTheEnd(String name, String label, int type) throws Exception {
        String uri = daemon.uri();
        String info = ok(uri, "blockjob", name, "vda", "--info", "--bytes").all();
        assertTrue(info.contains(label) && info.contains("65536 bytes/s"), info);
        ok(uri, "blockjob", name, "vda", "--bandwidth", "0");
        TinyGuest.await(() -> events.lines().contains("blockjob2 " + name + " vda " + type + " 0"),
                Duration.ofSeconds(60), "COMPLETED after the restart: " + events.lines());
        return uri;
    }

    /** SIGKILL and restart of the daemon; its status file then holds {@code entry}; events are recorded. */
    private void restart(String name, String entry) throws Exception {
        daemon.kill();
        daemon.restart();
        String status = Files.readString(daemon.runDir().resolve("qemu/" + name + ".xml"));
        assertTrue(status.contains("<blockjobs active='yes'>\n    " + entry + "\n  </blockjobs>"), status);
        events = EventRecorder.start(daemon.uri(), prefix);
    }

    /** A new qcow2 {@code image} of 32 MiB whose first {@code mib} MiB hold pattern {@code p}. */
    private static void withData(Path image, int p, int mib) throws Exception {
        Guests.img("create", "-q", "-f", "qcow2", image.toString(), "32M");
        Cli.Result w = Cli.run(java.util.List.of("qemu-io", "-f", "qcow2", "-c", "write -P " + p + " 0 " + mib + "M",
                image.toString()), 60);
        assertTrue(w.exit() == 0, w.all());
    }

    /** Whether {@code image} (with its chain) holds pattern {@code p} from MiB {@code from} to {@code to}. */
    private static boolean reads(Path image, int p, int from, int to) throws Exception {
        Cli.Result r = Cli.run(java.util.List.of("qemu-io", "-r", "-f", "qcow2", "-c",
                "read -P " + p + " " + from + "M " + (to - from) + "M", image.toString()), 60);
        return r.exit() == 0 && !r.all().contains("Pattern verification failed");
    }
}
