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

/**
 * Block jobs on the running tiny guest whose disk is a qcow2 overlay on a base: writes reach
 * the overlay (through QEMU's block layer: the tiny guest has no virtio-blk driver), an active
 * commit with pivot leaves them in the base and the overlay unused; a copy with pivot while the
 * guest runs, its progress and abort; a python client sees BLOCK_JOB and BLOCK_JOB_2 in
 * libvirt's order; the chain survives a daemon restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlockJobTest {
    private static final String NAME = "blocky";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static EventRecorder events;
    static String uri;

    @BeforeAll
    static void start() throws Exception {
        TinyGuest guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        events = EventRecorder.start(uri, prefix);
        img("create", "-q", "-f", "qcow2", prefix.resolve("base.qcow2").toString(), "32M");
        img("create", "-q", "-f", "qcow2", "-b", "base.qcow2", "-F", "qcow2",
                prefix.resolve("top.qcow2").toString());
        String xml = guest.xml(NAME, prefix).replace("  <devices>\n", "  <devices>\n"
                + "    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                + "<source file='" + prefix.resolve("top.qcow2") + "'/><target dev='vda' bus='virtio'/></disk>\n");
        Path f = prefix.resolve(NAME + ".xml");
        Files.writeString(f, xml);
        ok(uri, "define", f.toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, events, daemon);
    }

    private static Cli.Result img(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("qemu-img"));
        cmd.addAll(List.of(args));
        Cli.Result r = Cli.run(cmd, 60);
        assertEquals(0, r.exit(), r.all());
        return r;
    }

    private static String disk() throws Exception {
        String xml = ok(uri, "dumpxml", NAME).out();
        return xml.substring(xml.indexOf("<disk"), xml.indexOf("</disk>"));
    }

    @Test
    @Order(1)
    void theChainIsInTheLiveXml() throws Exception {
        String d = disk();
        assertTrue(d.contains("<source file='" + prefix.resolve("top.qcow2") + "' index='1'/>"), d);
        assertTrue(d.contains("<backingStore type='file' index='2'>"), d);
        assertTrue(d.contains("<source file='" + prefix.resolve("base.qcow2") + "'/>"), d);
    }

    @Test
    @Order(2)
    void activeCommitWithPivotLeavesTheWritesInTheBase() throws Exception {
        // the disk's block backend hangs below the virtio-blk device's qdev path
        ok(uri, "qemu-monitor-command", NAME, "--hmp",
                "qemu-io -d /machine/peripheral/virtio-disk0/virtio-backend \"write -P 0x5a 1M 2M\"");
        Path expected = prefix.resolve("expected.raw");
        img("convert", "-U", "-O", "raw", prefix.resolve("top.qcow2").toString(), expected.toString());
        Cli.Result before = Cli.run(List.of("qemu-img", "compare", "-U", prefix.resolve("base.qcow2").toString(),
                expected.toString()), 60);
        assertEquals(1, before.exit(), "the base lacks the writes before the commit: " + before.all());
        Cli.Result r = ok(uri, "blockcommit", NAME, "vda", "--active", "--pivot", "--wait");
        assertTrue(r.out().contains("Successfully pivoted"), r.all());
        String d = disk();
        assertTrue(d.contains("<source file='" + prefix.resolve("base.qcow2") + "' index='2'/>"), d);
        assertFalse(d.contains("top.qcow2"), d);
        img("compare", "-U", prefix.resolve("base.qcow2").toString(), expected.toString());
        TinyGuest.await(() -> events.lines().contains("blockjob2 " + NAME + " vda 4 0"), Duration.ofSeconds(10),
                "no COMPLETED event");
        assertEquals(List.of("blockjob " + NAME + " " + prefix.resolve("top.qcow2") + " 4 3",
                "blockjob2 " + NAME + " vda 4 3",
                "blockjob " + NAME + " " + prefix.resolve("base.qcow2") + " 4 0",
                "blockjob2 " + NAME + " vda 4 0"), blockEvents());
    }

    @Test
    @Order(3)
    void copyWithPivotWhileTheGuestRuns() throws Exception {
        Path copy = prefix.resolve("copy.qcow2");
        Cli.Result r = ok(uri, "blockcopy", NAME, "vda", copy.toString(), "--transient-job", "--wait", "--pivot");
        assertTrue(r.out().contains("Successfully pivoted"), r.all());
        assertTrue(disk().contains("<source file='" + copy + "' index='3'/>"), disk());
        assertTrue(Guests.state(uri, NAME).startsWith("running"));
        img("compare", "-U", copy.toString(), prefix.resolve("expected.raw").toString());
        TinyGuest.await(() -> events.lines().contains("blockjob2 " + NAME + " vda 2 0"), Duration.ofSeconds(10),
                "no COMPLETED event");
        List<String> ev = blockEvents();
        assertEquals(List.of("blockjob " + NAME + " " + prefix.resolve("base.qcow2") + " 2 3",
                "blockjob2 " + NAME + " vda 2 3", "blockjob " + NAME + " " + copy + " 2 0",
                "blockjob2 " + NAME + " vda 2 0"), ev.subList(4, ev.size()));
    }

    @Test
    @Order(4)
    void infoAndAbortOfACopy() throws Exception {
        Path copy = prefix.resolve("copy2.qcow2");
        ok(uri, "blockcopy", NAME, "vda", copy.toString(), "--transient-job", "--wait");
        assertTrue(disk().contains("<mirror type='file' file='" + copy + "' format='qcow2' job='copy' ready='yes'>"),
                disk());
        Cli.Result info = ok(uri, "blockjob", NAME, "vda", "--info");
        assertTrue(info.all().contains("Block Copy: [100 %]"), info.all());
        ok(uri, "blockjob", NAME, "vda", "--abort");
        assertFalse(disk().contains("<mirror"), disk());
        assertTrue(ok(uri, "blockjob", NAME, "vda", "--info").out().contains("No current block job for vda"));
        TinyGuest.await(() -> events.lines().contains("blockjob2 " + NAME + " vda 2 2"), Duration.ofSeconds(10),
                "no CANCELED event");
    }

    @Test
    @Order(5)
    void theChainSurvivesADaemonRestart() throws Exception {
        String before = disk();
        daemon.close();
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        assertEquals(before, disk());
        assertTrue(Guests.state(uri, NAME).startsWith("running"));
    }

    private static List<String> blockEvents() {
        return events.lines().stream().filter(l -> l.startsWith("blockjob")).toList();
    }
}
