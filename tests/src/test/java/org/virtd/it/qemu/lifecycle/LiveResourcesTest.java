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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * Issue 14's live resources on a running tiny guest (with the virtio balloon driver added to
 * its initrd, so it answers balloon requests): a vCPU hot-plugged with setvcpus --live appears
 * in the guest's /sys/devices/system/cpu/present, setmem --live moves the balloon and a python
 * client receives BALLOON_CHANGE with the new size, blockresize grows the qcow2 image (domblkinfo
 * and qemu-img agree), and blkdeviotune --live reaches QEMU and the live XML.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveResourcesTest {
    private static final String NAME = "resguest";

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
        disk = prefix.resolve("disk.qcow2");
        assertEquals(0, Cli.run(List.of("qemu-img", "create", "-q", "-f", "qcow2", disk.toString(), "16M"), 60)
                .exit());
        Path initrd = balloonInitrd(guest.dir());
        String xml = guest.xml(NAME, prefix, 2)
                .replace(guest.dir().resolve("initrd.img").toString(), initrd.toString())
                .replace("<memory unit='MiB'>128</memory>", "<memory unit='MiB'>256</memory>")
                .replace("    <controller type='usb' model='none'/>\n", "    <disk type='file' device='disk'>\n"
                        + "      <driver name='qemu' type='qcow2'/>\n"
                        + "      <source file='" + disk + "'/>\n"
                        + "      <target dev='vda' bus='virtio'/>\n"
                        + "    </disk>\n"
                        + "    <controller type='usb' model='none'/>\n");
        Path file = prefix.resolve(NAME + ".xml");
        Files.writeString(file, xml);
        ok(uri, "define", file.toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    /** The tiny guest's initrd with the virtio balloon driver (built once, bounded). */
    private static Path balloonInitrd(Path dir) throws Exception {
        return TinyGuest.initrd(dir, "balloon");
    }

    @Test
    @Order(1)
    void aHotPluggedVcpuReachesTheGuest() throws Exception {
        ok(uri, "setvcpus", NAME, "2", "--live");
        String count = ok(uri, "vcpucount", NAME).out();
        assertTrue(count.matches("(?s).*current\\s+live\\s+2\\n.*"), count);
        String xml = ok(uri, "dumpxml", NAME).out();
        assertTrue(xml.contains("<vcpu id='1' enabled='yes' hotpluggable='yes' order='2'/>"), xml);
        String seen = Guests.console(uri, NAME, prefix, "echo CPUS-$(cat /sys/devices/system/cpu/present)-END",
                "-END");
        assertTrue(seen.contains("CPUS-0-1-END"), "the guest lists the new vCPU: " + seen);
        Cli.Result tooMany = Cli.virsh(uri, "setvcpus", NAME, "3", "--live");
        assertTrue(tooMany.err().contains("requested vcpus is greater than max allowable vcpus for the live domain: "
                + "3 > 2"), tooMany.all());
    }

    @Test
    @Order(2)
    void setmemMovesTheBalloonAndAClientHearsIt() throws Exception {
        Path script = EventRecorder.resource("balloon_events.py", prefix);
        Path out = prefix.resolve("balloon.txt");
        Process client = new ProcessBuilder("/usr/bin/python3", script.toString(), uri, NAME)
                .redirectOutput(out.toFile()).redirectError(prefix.resolve("balloon.err").toFile()).start();
        try {
            TinyGuest.await(() -> read(out).contains("ready"), Duration.ofSeconds(20), "the event client did not register");
            ok(uri, "setmem", NAME, "100M", "--live");
            TinyGuest.await(() -> read(out).lines().anyMatch("102400"::equals), Duration.ofSeconds(30),
                    "no BALLOON_CHANGE to 102400 KiB: " + read(out));
        } finally {
            client.destroy();
            client.waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(ok(uri, "dumpxml", NAME).out().contains("<currentMemory unit='KiB'>102400</currentMemory>"));
        String info = ok(uri, "dominfo", NAME).out();
        assertTrue(info.matches("(?s).*Used memory:\\s+102400 KiB\\n.*"), info);
        Cli.Result above = Cli.virsh(uri, "setmem", NAME, "300M", "--live");
        assertTrue(above.err().contains("cannot set memory higher than max memory"), above.all());
    }

    @Test
    @Order(3)
    void blockresizeGrowsTheImage() throws Exception {
        ok(uri, "blockresize", NAME, "vda", "32M");
        String info = ok(uri, "domblkinfo", NAME, "vda").out();
        assertTrue(info.matches("(?s)Capacity:\\s+33554432\\n.*"), info);
        String img = Cli.run(List.of("qemu-img", "info", "-U", "--output=json", disk.toString()), 60).out();
        assertTrue(img.contains("\"virtual-size\": 33554432"), img);
        Cli.Result unknown = Cli.virsh(uri, "blockresize", NAME, "vdz", "32M");
        assertTrue(unknown.err().contains("disk 'vdz' was not found in the domain config"), unknown.all());
    }

    @Test
    @Order(4)
    void blkdeviotuneThrottlesTheRunningDisk() throws Exception {
        ok(uri, "blkdeviotune", NAME, "vda", "--total-bytes-sec", "1000000", "--live");
        String tune = ok(uri, "blkdeviotune", NAME, "vda").out();
        assertTrue(tune.startsWith("total_bytes_sec: 1000000\n"), tune);
        String block = ok(uri, "qemu-monitor-command", NAME, "{\"execute\":\"query-block\"}").out();
        assertTrue(block.contains("\"bps\":1000000"), block);
        assertTrue(ok(uri, "dumpxml", NAME).out().contains("<iotune>\n        <total_bytes_sec>1000000</total_bytes_sec>"));
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
