package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * Checkpoints on the running tiny guest (issue 14): each one a persistent bitmap in the qcow2
 * disk that counts what the guest writes after it (the guest writes through its own virtio-blk
 * driver), metadata files that a daemon restart reads back with the tree, the bitmaps left in
 * the image when the guest stops, and undefine refused until CHECKPOINTS_METADATA drops them.
 */
class CheckpointTest {
    private static final String NAME = "checkpointed";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Timeout(480) // may first build the test guest and its virtio-blk initrd, each bounded at 300 s
    void bitmapsCountTheGuestsWritesAndOutliveTheDaemonAndTheRun() throws Exception {
        Path disk = prefix.resolve("disk.qcow2");
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Guests.startWithQcow2Disk(uri, prefix, NAME, disk);

        ok(uri, "checkpoint-create-as", NAME, "c1", "--description", "before the writes");
        Guests.writeVda(uri, prefix, NAME);
        String sized = ok(uri, "checkpoint-dumpxml", NAME, "c1", "--no-domain", "--size").out();
        assertTrue(sized.contains("<disk name='vda' checkpoint='bitmap' bitmap='c1' size='2097152'/>"), sized);
        ok(uri, "checkpoint-create-as", NAME, "c2");
        sized = ok(uri, "checkpoint-dumpxml", NAME, "c2", "--no-domain", "--size").out();
        assertTrue(sized.contains("bitmap='c2' size='0'"), "nothing written since c2: " + sized);

        Path metadata = prefix.resolve("var/lib/libvirt/qemu/checkpoint").resolve(NAME);
        assertTrue(Files.isRegularFile(metadata.resolve("c1.xml")) && Files.isRegularFile(metadata.resolve("c2.xml")),
                "metadata files under " + metadata);
        daemon.close();
        daemon.restart();
        String tree = ok(uri, "checkpoint-list", NAME, "--parent").out();
        assertTrue(tree.lines().anyMatch(l -> l.startsWith(" c2 ") && l.trim().endsWith("c1")), tree);
        assertTrue(ok(uri, "checkpoint-dumpxml", NAME, "c1").out().contains("<description>before the writes</description>"));

        ok(uri, "destroy", NAME);
        String info = Cli.run(List.of("qemu-img", "info", "-U", disk.toString()), 60).out();
        assertTrue(info.contains("name: c1") && info.contains("name: c2"), "persistent bitmaps in the image: " + info);
        Cli.Result refused = Cli.virsh(uri, "undefine", NAME);
        assertEquals(1, refused.exit(), refused.all());
        assertTrue(refused.err().contains("cannot delete inactive domain with 2 checkpoints"), refused.all());
        ok(uri, "undefine", NAME, "--checkpoints-metadata");
        assertFalse(Files.exists(metadata), "metadata removed with the domain");
    }
}
