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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * The backup tools' round trip on the running tiny guest (issue 14): a disk-only external
 * snapshot puts an overlay under the guest, the guest writes to its disk (through its own
 * virtio-blk driver), and an active commit with pivot folds the overlay back: the base image
 * then holds the guest's writes (compared with what the overlay showed) and is the disk again.
 * The disk's counters are the overlay's while it is the top image.
 *
 * <p>External snapshots as libvirt 9.0 does them: one with memory state writes a save image and
 * puts an overlay under the guest without stopping it; the guest writes its disk; deleting the
 * snapshots merges the overlays back (a commit below the top, then an active commit with pivot)
 * while the same QEMU keeps running, and the base image then holds the guest's writes. Reverting
 * to an external snapshot is refused. A shut-off guest's disk-only snapshot is merged back with
 * qemu-img.
 */
class SnapshotCommitTest {
    private static final String NAME = "backedup";
    private static final String EXT = "extsnap";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Timeout(480) // may first build the test guest and its virtio-blk initrd, each bounded at 300 s
    void aDiskOnlySnapshotIsCommittedBackWithTheGuestsWrites() throws Exception {
        Path base = prefix.resolve("base.qcow2");
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        BlkGuest.boot(uri, prefix, NAME, base);

        ok(uri, "snapshot-create-as", NAME, "s1", "--disk-only");
        Path overlay = prefix.resolve("base.s1");
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<source file='" + overlay + "' index='2'/>"), live);
        assertTrue(live.contains("<source file='" + base + "'/>"), "the base is below the overlay: " + live);

        String wrote = Guests.console(uri, NAME, prefix,
                // conv=fsync: the guest's sync alone sends QEMU no flush, and qemu-img reads the file
                "dd if=/dev/urandom of=/dev/vda bs=64k count=32 seek=16 conv=fsync 2>/dev/null && echo WROTE-$((40+2))",
                "WROTE-42"); // computed, so the echo of the typed line does not count
        assertTrue(wrote.contains("seen True"), "the guest could not write its disk: " + wrote);
        String stats = ok(uri, "domblkstat", NAME, "vda").out();
        assertTrue(stats.contains("vda wr_bytes 2097152"), "the overlay's counters: " + stats);
        Path expected = prefix.resolve("expected.raw");
        BlkGuest.img("convert", "-U", "-O", "raw", overlay.toString(), expected.toString());
        Cli.Result before = Cli.run(List.of("qemu-img", "compare", "-U", base.toString(), expected.toString()), 60);
        assertEquals(1, before.exit(), "the writes went to the overlay, not the base: " + before.all()
 + wrote);

        Cli.Result commit = ok(uri, "blockcommit", NAME, "vda", "--active", "--pivot", "--wait");
        assertTrue(commit.out().contains("Successfully pivoted"), commit.all());
        live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<source file='" + base + "' index='1'/>"), live);
        assertFalse(live.contains(overlay.toString()), "the overlay is still in use: " + live);
        BlkGuest.img("compare", "-U", base.toString(), expected.toString());
        assertTrue(Guests.state(uri, NAME).startsWith("running"), Guests.state(uri, NAME));
    }

    @Test
    @Timeout(480) // may first build the test guest and its virtio-blk initrd, each bounded at 300 s
    void memorySnapshotThenDeletesMergeTheOverlaysBack() throws Exception {
        Path base = prefix.resolve("base.qcow2");
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        BlkGuest.boot(uri, prefix, EXT, base);
        String id = ok(uri, "domid", EXT).out().trim();
        long pid = qemuPid();

        Path mem = prefix.resolve("e1.mem");
        Path overlay1 = prefix.resolve("e1.qcow2");
        ok(uri, "snapshot-create-as", EXT, "e1", "--memspec", "file=" + mem + ",snapshot=external",
                "--diskspec", "vda,snapshot=external,file=" + overlay1);
        assertEquals("running (unpaused)", Guests.state(uri, EXT));
        byte[] header = new byte[16];
        try (var in = Files.newInputStream(mem)) {
            assertEquals(16, in.read(header));
        }
        assertEquals("LibvirtQemudSave", new String(header, StandardCharsets.US_ASCII));
        String snapXml = ok(uri, "snapshot-dumpxml", EXT, "e1").out();
        assertTrue(snapXml.contains("<state>running</state>")
                && snapXml.contains("<memory snapshot='external' file='" + mem + "'/>")
                && snapXml.contains("<source file='" + overlay1 + "'/>") && snapXml.contains("<cookie>"), snapXml);
        String live = ok(uri, "dumpxml", EXT).out();
        assertTrue(live.contains("<source file='" + overlay1 + "' index='2'/>"), live);
        Cli.Result revert = Cli.virsh(uri, "snapshot-revert", EXT, "e1");
        assertTrue(revert.exit() != 0 && revert.err().contains(
                "unsupported configuration: revert to external snapshot not supported yet"), revert.all());

        String wrote = Guests.console(uri, EXT, prefix,
                "dd if=/dev/urandom of=/dev/vda bs=64k count=32 seek=16 conv=fsync 2>/dev/null && echo WROTE-$((40+2))",
                "WROTE-42");
        assertTrue(wrote.contains("seen True"), "the guest could not write its disk: " + wrote);
        ok(uri, "snapshot-create-as", EXT, "e2", "--disk-only");
        Path overlay2 = prefix.resolve("e1.e2");
        assertTrue(Files.exists(overlay2));
        Path expected = prefix.resolve("expected.raw");
        BlkGuest.img("convert", "-U", "-O", "raw", overlay2.toString(), expected.toString());

        ok(uri, "snapshot-delete", EXT, "e1");
        assertFalse(Files.exists(overlay1), "the merged overlay is still there");
        assertTrue(Files.exists(mem), "libvirt 9.0 keeps the memory file");
        live = ok(uri, "dumpxml", EXT).out();
        assertTrue(live.contains("<source file='" + overlay2 + "' index='3'/>")
                && live.contains("<source file='" + base + "'/>") && !live.contains(overlay1.toString()), live);
        assertEquals("e2", ok(uri, "snapshot-list", EXT, "--name").out().trim());

        ok(uri, "snapshot-delete", EXT, "e2");
        assertFalse(Files.exists(overlay2), "the active overlay is still there");
        live = ok(uri, "dumpxml", EXT).out();
        assertTrue(live.contains("<source file='" + base + "' index='1'/>"), live);
        assertTrue(ok(uri, "dumpxml", "--inactive", EXT).out().contains("<source file='" + base + "'/>"));
        BlkGuest.img("compare", "-U", base.toString(), expected.toString());
        assertEquals("running (unpaused)", Guests.state(uri, EXT));
        assertEquals(id, ok(uri, "domid", EXT).out().trim(), "deleting snapshots restarted the guest");
        assertEquals(pid, qemuPid());
        assertEquals("", ok(uri, "snapshot-list", EXT, "--name").out().trim());

        ok(uri, "destroy", EXT);
        ok(uri, "snapshot-create-as", EXT, "o1", "--disk-only");
        Path offline = prefix.resolve("base.o1");
        assertTrue(ok(uri, "dumpxml", "--inactive", EXT).out().contains("<source file='" + offline + "'/>"));
        ok(uri, "snapshot-delete", EXT, "o1");
        assertFalse(Files.exists(offline));
        assertTrue(ok(uri, "dumpxml", "--inactive", EXT).out().contains("<source file='" + base + "'/>"));
        BlkGuest.img("compare", "-U", base.toString(), expected.toString());
    }

    private long qemuPid() throws Exception {
        return Long.parseLong(Files.readString(daemon.runDir().resolve("qemu/" + EXT + ".pid")).trim());
    }
}
