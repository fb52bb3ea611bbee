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
import static org.virtd.it.qemu.lifecycle.Guests.img;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * blockcommit --delete and --keep-relative on the running tiny guest (issue 14): its disk is
 * top.qcow2 over sub/mid.qcow2 over base.qcow2, linked by relative names. Committing mid into
 * base while QEMU writes through the disk deletes mid and leaves top naming base relative
 * (sub/../base.qcow2); an active commit with --delete and --pivot then deletes top and leaves
 * base holding everything the guest's disk read before.
 */
class BlockCommitFlagsTest {
    private static final String NAME = "committed-flags";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Timeout(300)
    void deleteAndKeepRelative() throws Exception {
        Path base = prefix.resolve("base.qcow2");
        Path mid = prefix.resolve("sub/mid.qcow2");
        Path top = prefix.resolve("top.qcow2");
        Files.createDirectories(mid.getParent());
        img("create", "-q", "-f", "qcow2", base.toString(), "32M");
        img("create", "-q", "-f", "qcow2", "-b", "../base.qcow2", "-F", "qcow2", mid.toString());
        img("create", "-q", "-f", "qcow2", "-b", "sub/mid.qcow2", "-F", "qcow2", top.toString());
        Cli.Result io = Cli.run(List.of("qemu-io", "-c", "write -P 0x3c 4M 1M", mid.toString()), 60);
        assertEquals(0, io.exit(), io.all());

        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        TinyGuest guest = TinyGuest.get();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, guest.xml(NAME, prefix).replace("  <devices>\n", "  <devices>\n"
                + "    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                + "<source file='" + top + "'/><target dev='vda' bus='virtio'/></disk>\n"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(60));
        ok(uri, "qemu-monitor-command", NAME, "--hmp",
                "qemu-io -d /machine/peripheral/virtio-disk0/virtio-backend \"write -P 0x5a 1M 2M\"");

        Cli.Result r = ok(uri, "blockcommit", NAME, "vda", "--top", "vda[2]", "--base", "vda[3]",
                "--keep-relative", "--delete", "--wait");
        assertTrue(r.out().contains("Commit complete"), r.all());
        assertFalse(Files.exists(mid), "the merged image is deleted");
        String info = img("info", "-U", top.toString()).out();
        assertTrue(info.contains("backing file: sub/../base.qcow2 "), info);
        Path expected = prefix.resolve("expected.raw");
        img("convert", "-U", "-O", "raw", top.toString(), expected.toString());

        r = ok(uri, "blockcommit", NAME, "vda", "--active", "--delete", "--pivot");
        assertTrue(r.out().contains("Successfully pivoted"), r.all());
        assertFalse(Files.exists(top), "the pivoted-away overlay is deleted");
        assertTrue(ok(uri, "domblklist", NAME).out().contains(prefix.resolve("sub/../base.qcow2").toString()));
        assertTrue(img("compare", "-U", base.toString(), expected.toString()).out().contains("identical"));
        assertTrue(Guests.state(uri, NAME).startsWith("running"));
    }
}
