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
 * The backup tools' round trip on the running tiny guest (issue 14): a disk-only external
 * snapshot puts an overlay under the guest, the guest writes to its disk (through its own
 * virtio-blk driver), and an active commit with pivot folds the overlay back: the base image
 * then holds the guest's writes (compared with what the overlay showed) and is the disk again.
 * The disk's counters are the overlay's while it is the top image.
 */
class SnapshotCommitTest {
    private static final String NAME = "backedup";

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
    void aDiskOnlySnapshotIsCommittedBackWithTheGuestsWrites() throws Exception {
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
        img("convert", "-U", "-O", "raw", overlay.toString(), expected.toString());
        Cli.Result before = Cli.run(List.of("qemu-img", "compare", "-U", base.toString(), expected.toString()), 60);
        assertEquals(1, before.exit(), "the writes went to the overlay, not the base: " + before.all()
 + wrote);

        Cli.Result commit = ok(uri, "blockcommit", NAME, "vda", "--active", "--pivot", "--wait");
        assertTrue(commit.out().contains("Successfully pivoted"), commit.all());
        live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<source file='" + base + "' index='1'/>"), live);
        assertFalse(live.contains(overlay.toString()), "the overlay is still in use: " + live);
        img("compare", "-U", base.toString(), expected.toString());
        assertTrue(Guests.state(uri, NAME).startsWith("running"), Guests.state(uri, NAME));
    }

    private static void img(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("qemu-img"));
        cmd.addAll(List.of(args));
        Cli.Result r = Cli.run(cmd, 60);
        assertEquals(0, r.exit(), r.all());
    }
}
