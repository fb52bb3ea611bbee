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
 * (the job in the status file, QEMU's job list): {@code blockjob --info} shows it, its speed can
 * be lifted, the READY and then COMPLETED events of the pivot reach a client connected after the
 * restart, and the disk then runs on the copy, which equals the original data.
 */
class BlockJobRestartTest {
    private static final String NAME = "copy-restart";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;
    EventRecorder events;

    @AfterEach
    void stop() {
        if (events != null) {
            events.close();
        }
        if (daemon != null) {
            daemon.close();
        }
        Guests.killQemusUnder(prefix);
    }

    @Test
    @Timeout(300)
    void aThrottledCopySurvivesAKilledDaemonAndPivotsAfterTheRestart() throws Exception {
        TinyGuest guest = TinyGuest.get();
        Path disk = prefix.resolve("disk.qcow2");
        Path copy = prefix.resolve("copy.qcow2");
        Guests.img("create", "-q", "-f", "qcow2", disk.toString(), "32M");
        Cli.Result w = Cli.run(java.util.List.of("qemu-io", "-f", "qcow2", "-c", "write -P 5 0 24M", disk.toString()), 60);
        assertTrue(w.exit() == 0, w.all());
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, guest.xml(NAME, prefix).replace("  <devices>\n", "  <devices>\n"
                + "    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + disk
                + "'/><target dev='vda' bus='virtio'/></disk>\n"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        ok(uri, "blockcopy", NAME, "vda", copy.toString(), "--transient-job", "--bandwidth", "65536", "--bytes");
        String before = ok(uri, "blockjob", NAME, "vda", "--info").all();
        assertTrue(before.contains("Block Copy"), before);

        daemon.kill();
        daemon.restart();
        String status = Files.readString(daemon.runDir().resolve("qemu/" + NAME + ".xml"));
        assertTrue(status.contains("<blockjobs active='yes'>"), status);
        assertTrue(status.contains("<blockjob name='copy-vda-libvirt-1-format' type='copy' state='running'>"), status);
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
}
