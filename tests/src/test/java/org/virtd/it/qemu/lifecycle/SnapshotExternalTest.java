package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * External snapshots on the running tiny guest (issue 14), as libvirt 9.0 does them: one with
 * memory state writes a save image and puts an overlay under the guest without stopping it; the
 * guest writes its disk; deleting the snapshots merges the overlays back (a commit below the
 * top, then an active commit with pivot) while the same QEMU keeps running, and the base image
 * then holds the guest's writes. Reverting to an external snapshot is refused. A shut-off
 * guest's disk-only snapshot is merged back with qemu-img.
 */
class SnapshotExternalTest {
    private static final String NAME = "extsnap";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        Guests.killQemusUnder(prefix);
    }

    @Test
    @Timeout(480) // may first build the test guest and its virtio-blk initrd, each bounded at 300 s
    void memorySnapshotThenDeletesMergeTheOverlaysBack() throws Exception {
        TinyGuest guest = TinyGuest.get();
        Path initrd = guest.blkInitrd();
        Path base = prefix.resolve("base.qcow2");
        img("create", "-q", "-f", "qcow2", base.toString(), "32M");
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, guest.xml(NAME, prefix)
                .replace(guest.dir().resolve("initrd.img").toString(), initrd.toString())
                .replace("  <devices>\n", "  <devices>\n    <disk type='file' device='disk'><driver name='qemu' "
                        + "type='qcow2'/><source file='" + base + "'/><target dev='vda' bus='virtio'/></disk>\n"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(40));
        String id = ok(uri, "domid", NAME).out().trim();
        long pid = qemuPid();

        Path mem = prefix.resolve("e1.mem");
        Path overlay1 = prefix.resolve("e1.qcow2");
        ok(uri, "snapshot-create-as", NAME, "e1", "--memspec", "file=" + mem + ",snapshot=external",
                "--diskspec", "vda,snapshot=external,file=" + overlay1);
        assertEquals("running (unpaused)", Guests.state(uri, NAME));
        byte[] header = new byte[16];
        try (var in = Files.newInputStream(mem)) {
            assertEquals(16, in.read(header));
        }
        assertEquals("LibvirtQemudSave", new String(header, StandardCharsets.US_ASCII));
        String snapXml = ok(uri, "snapshot-dumpxml", NAME, "e1").out();
        assertTrue(snapXml.contains("<state>running</state>")
                && snapXml.contains("<memory snapshot='external' file='" + mem + "'/>")
                && snapXml.contains("<source file='" + overlay1 + "'/>") && snapXml.contains("<cookie>"), snapXml);
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<source file='" + overlay1 + "' index='2'/>"), live);
        Cli.Result revert = Cli.virsh(uri, "snapshot-revert", NAME, "e1");
        assertTrue(revert.exit() != 0 && revert.err().contains(
                "unsupported configuration: revert to external snapshot not supported yet"), revert.all());

        String wrote = Guests.console(uri, NAME, prefix,
                "dd if=/dev/urandom of=/dev/vda bs=64k count=32 seek=16 conv=fsync 2>/dev/null && echo WROTE-$((40+2))",
                "WROTE-42");
        assertTrue(wrote.contains("seen True"), "the guest could not write its disk: " + wrote);
        ok(uri, "snapshot-create-as", NAME, "e2", "--disk-only");
        Path overlay2 = prefix.resolve("e1.e2");
        assertTrue(Files.exists(overlay2));
        Path expected = prefix.resolve("expected.raw");
        img("convert", "-U", "-O", "raw", overlay2.toString(), expected.toString());

        ok(uri, "snapshot-delete", NAME, "e1");
        assertFalse(Files.exists(overlay1), "the merged overlay is still there");
        assertTrue(Files.exists(mem), "libvirt 9.0 keeps the memory file");
        live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<source file='" + overlay2 + "' index='3'/>")
                && live.contains("<source file='" + base + "'/>") && !live.contains(overlay1.toString()), live);
        assertEquals("e2", ok(uri, "snapshot-list", NAME, "--name").out().trim());

        ok(uri, "snapshot-delete", NAME, "e2");
        assertFalse(Files.exists(overlay2), "the active overlay is still there");
        live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<source file='" + base + "' index='1'/>"), live);
        assertTrue(ok(uri, "dumpxml", "--inactive", NAME).out().contains("<source file='" + base + "'/>"));
        img("compare", "-U", base.toString(), expected.toString());
        assertEquals("running (unpaused)", Guests.state(uri, NAME));
        assertEquals(id, ok(uri, "domid", NAME).out().trim(), "deleting snapshots restarted the guest");
        assertEquals(pid, qemuPid());
        assertEquals("", ok(uri, "snapshot-list", NAME, "--name").out().trim());

        ok(uri, "destroy", NAME);
        ok(uri, "snapshot-create-as", NAME, "o1", "--disk-only");
        Path offline = prefix.resolve("base.o1");
        assertTrue(ok(uri, "dumpxml", "--inactive", NAME).out().contains("<source file='" + offline + "'/>"));
        ok(uri, "snapshot-delete", NAME, "o1");
        assertFalse(Files.exists(offline));
        assertTrue(ok(uri, "dumpxml", "--inactive", NAME).out().contains("<source file='" + base + "'/>"));
        img("compare", "-U", base.toString(), expected.toString());
    }

    private long qemuPid() throws Exception {
        return Long.parseLong(Files.readString(daemon.runDir().resolve("qemu/" + NAME + ".pid")).trim());
    }

    private static void img(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("qemu-img"));
        cmd.addAll(List.of(args));
        Cli.Result r = Cli.run(cmd, 60);
        assertEquals(0, r.exit(), r.all());
    }
}
