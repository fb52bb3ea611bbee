package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import static org.virtd.it.qemu.lifecycle.Guests.state;

/**
 * Internal snapshots of the running tiny guest with a qcow2 disk (issue 14): a marker written to
 * the guest's tmpfs before {@code snapshot-create-as}, changed after it, is back once
 * {@code snapshot-revert} has run (in a new QEMU under the next domain id, as libvirt 9.0 does); the snapshot's metadata file is where libvirt keeps it and
 * survives a daemon restart; delete removes the state from the image; undefine is refused while
 * snapshots exist and allowed with {@code --snapshots-metadata}. A disk-only snapshot puts a new
 * qcow2 overlay under the guest (live XML with its backing chain, QEMU writing to it), kept
 * across a daemon restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotTest {
    private static final String NAME = "snappy";
    private static final String FIRST = "SNAP-MARK-$((40+1))";
    private static final String FIRST_OUT = "SNAP-MARK-41";
    private static final String SECOND = "SNAP-MARK-$((40+2))";
    private static final String SECOND_OUT = "SNAP-MARK-42";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static String uri;
    static Path disk;

    @BeforeAll
    static void start() throws Exception {
        TinyGuest guest = TinyGuest.get();
        Cli.requireTool("qemu-img");
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        disk = prefix.resolve("snappy.qcow2");
        Cli.Result made = Cli.run(List.of("qemu-img", "create", "-q", "-f", "qcow2", disk.toString(), "64M"), 30);
        assertEquals(0, made.exit(), made.all());
        String xml = guest.xml(NAME, prefix).replace("    <controller type='usb' model='none'/>\n",
                "    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n"
                        + "      <source file='" + disk + "'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>\n"
                        + "    <controller type='usb' model='none'/>\n");
        Path file = prefix.resolve(NAME + ".xml");
        Files.writeString(file, xml);
        ok(uri, "define", file.toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Order(1)
    void revertBringsBackTheMarkerOfTheSnapshot() throws Exception {
        assertTrue(console("echo " + FIRST + " > /tmp/mark; cat /tmp/mark", FIRST_OUT).contains("seen True"));
        ok(uri, "snapshot-create-as", NAME, "s1");
        assertEquals("running (unpaused)", state(uri, NAME));
        assertTrue(console("echo " + SECOND + " > /tmp/mark; cat /tmp/mark", SECOND_OUT).contains("seen True"));
        String id = ok(uri, "domid", NAME).out().trim();
        long pid = qemuPid();
        ok(uri, "snapshot-revert", NAME, "s1");
        assertEquals("running (from snapshot)", state(uri, NAME));
        // libvirt 9.0 never loads a snapshot into the running QEMU: it starts a new one (new id, new pid)
        assertEquals(Integer.parseInt(id) + 1, Integer.parseInt(ok(uri, "domid", NAME).out().trim()));
        assertTrue(qemuPid() != pid, "the QEMU process was not replaced");
        String back = console("cat /tmp/mark", FIRST_OUT);
        assertTrue(back.contains("seen True"), back);
        assertFalse(back.contains(SECOND_OUT), back);
    }

    @Test
    @Order(2)
    void treeCurrentAndMetadataFile() throws Exception {
        assertEquals("s1", ok(uri, "snapshot-current", NAME, "--name").out().trim());
        assertTrue(ok(uri, "snapshot-list", NAME, "--tree").out().startsWith("s1\n"));
        String xml = ok(uri, "snapshot-dumpxml", NAME, "s1").out();
        assertTrue(xml.contains("<state>running</state>") && xml.contains("<memory snapshot='internal'/>")
                && xml.contains("<disk name='vda' snapshot='internal'/>") && xml.contains("<cookie>"), xml);
        Path meta = prefix.resolve("var/lib/libvirt/qemu/snapshot/" + NAME + "/s1.xml");
        String stored = Files.readString(meta);
        assertTrue(stored.startsWith("<!--\nWARNING: THIS IS AN AUTO-GENERATED FILE.") && stored.contains("virsh snapshot-edit")
                && stored.contains("  <active>1</active>\n</domainsnapshot>\n"), stored);
        assertTrue(qemuImgSnapshots().contains("s1"));
    }

    @Test
    @Order(3)
    void snapshotsSurviveADaemonRestart() throws Exception {
        ok(uri, "snapshot-create-as", NAME, "s2", "--description", "second");
        daemon.restart();
        TinyGuest.await(() -> Guests.stateIs(uri, NAME, "running (unpaused)"), Duration.ofSeconds(20),
                "the guest is not running after the restart");
        assertEquals("s2", ok(uri, "snapshot-current", NAME, "--name").out().trim());
        assertEquals("s1\ns2", ok(uri, "snapshot-list", NAME, "--name").out().trim());
        assertEquals("s1", ok(uri, "snapshot-parent", NAME, "s2").out().trim());
    }

    @Test
    @Order(4)
    void deleteRemovesTheState() throws Exception {
        ok(uri, "snapshot-delete", NAME, "s2");
        assertEquals("s1", ok(uri, "snapshot-current", NAME, "--name").out().trim());
        assertFalse(qemuImgSnapshots().contains("s2"));
    }

    @Test
    @Order(5)
    void diskOnlySnapshotPutsAnOverlayInUse() throws Exception {
        ok(uri, "snapshot-create-as", NAME, "d1", "--disk-only");
        Path overlay = prefix.resolve("snappy.d1");
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<source file='" + overlay + "' index='2'/>\n"
                + "      <backingStore type='file' index='1'>\n        <format type='qcow2'/>\n"
                + "        <source file='" + disk + "'/>\n        <backingStore/>\n      </backingStore>"), live);
        String info = Cli.run(List.of("qemu-img", "info", "-U", overlay.toString()), 30).out();
        assertTrue(info.contains("backing file: " + disk), info);
        String block = ok(uri, "qemu-monitor-command", NAME, "--hmp", "info block").out();
        assertTrue(block.contains("libvirt-2-format: " + overlay + " (qcow2)"), block);
        assertTrue(console("echo written > /tmp/w; sync; cat /tmp/w", "written").contains("seen True"));
        Cli.Result revert = Cli.virsh(uri, "snapshot-revert", NAME, "d1");
        assertTrue(revert.exit() != 0 && revert.err().contains("revert to external snapshot not supported yet"),
                revert.all());
        daemon.restart();
        TinyGuest.await(() -> Guests.stateIs(uri, NAME, "running (unpaused)"), Duration.ofSeconds(20),
                "the guest is not running after the restart");
        assertTrue(ok(uri, "dumpxml", NAME).out().contains("<source file='" + overlay + "' index='2'/>"));
    }

    @Test
    @Order(6)
    void undefineWantsTheFlag() throws Exception {
        ok(uri, "destroy", NAME);
        Cli.Result refused = Cli.virsh(uri, "undefine", NAME);
        assertTrue(refused.exit() != 0 && refused.err().contains("cannot delete inactive domain with 2 snapshots"),
                refused.all());
        ok(uri, "undefine", NAME, "--snapshots-metadata");
        assertFalse(Files.exists(prefix.resolve("var/lib/libvirt/qemu/snapshot/" + NAME + "/s1.xml")));
    }

    private static long qemuPid() throws Exception {
        return Long.parseLong(Files.readString(daemon.runDir().resolve("qemu/" + NAME + ".pid")).trim());
    }

    private static String qemuImgSnapshots() throws Exception {
        return Cli.run(List.of("qemu-img", "snapshot", "-U", "-l", disk.toString()), 30).out();
    }

    private static String console(String command, String expect) throws Exception {
        return Guests.console(uri, NAME, prefix, command, expect);
    }
}
