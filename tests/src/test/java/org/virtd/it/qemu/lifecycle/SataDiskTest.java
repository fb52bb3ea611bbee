package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * SATA disks and cdroms on a running tiny guest, through virsh: on q35 they sit on the board's
 * own AHCI (QEMU bus ide.N), on pc on an AHCI card of their own (sata0.N), with libvirt's aliases
 * and drive addresses in the live XML and the disk's discard/zero-detection modes on its block
 * nodes; the SATA cdrom takes new media; plugging a SATA disk is QEMU's refusal. (The tiny guest's
 * cloud kernel has no AHCI driver, so QEMU's device tree is where the disks are checked.)
 */
class SataDiskTest {
    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static TinyGuest guest;
    static String uri;

    @BeforeAll
    static void start() throws Exception {
        guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        for (String image : List.of("q35-disk.qcow2", "pc-disk.qcow2")) {
            Cli.Result r = Cli.run(List.of("qemu-img", "create", "-q", "-f", "qcow2",
                    prefix.resolve(image).toString(), "16M"), 30);
            assertEquals(0, r.exit(), r.all());
        }
        Files.write(prefix.resolve("cd1.iso"), new byte[1 << 20]);
        Files.write(prefix.resolve("cd2.iso"), new byte[2 << 20]);
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    /** Guest {@code name} on machine type {@code name}, defined, booted, and its live XML. */
    private static String booted(String name) throws Exception {
        define(name, name);
        ok(uri, "start", name);
        TinyGuest.awaitBoots(prefix, name, 1, Duration.ofSeconds(60));
        return ok(uri, "dumpxml", name).out();
    }

    private static void define(String name, String machine) throws Exception {
        String xml = guest.xml(name, prefix)
                .replace("<type arch='x86_64'>hvm</type>", "<type arch='x86_64' machine='" + machine + "'>hvm</type>")
                .replace("    <memballoon model='virtio'/>\n", """
                            <disk type='file' device='disk'>
                              <driver name='qemu' type='qcow2' discard='unmap' detect_zeroes='unmap'/>
                              <source file='%s'/>
                              <target dev='sda' bus='sata'/>
                            </disk>
                            <disk type='file' device='cdrom'>
                              <driver name='qemu' type='raw'/>
                              <source file='%s'/>
                              <target dev='sdb' bus='sata'/>
                              <readonly/>
                            </disk>
                            <memballoon model='virtio'/>
                        """.formatted(prefix.resolve(name + "-disk.qcow2"), prefix.resolve("cd1.iso")));
        Path f = prefix.resolve(name + ".xml");
        Files.writeString(f, xml);
        ok(uri, "define", f.toString());
    }

    @Test
    void q35DisksSitOnTheBoardsAhci() throws Exception {
        String live = booted("q35");
        assertTrue(live.contains("<driver name='qemu' type='qcow2' discard='unmap' detect_zeroes='unmap'/>"), live);
        assertTrue(Pattern.compile("<target dev='sda' bus='sata'/>\\s*<alias name='sata0-0-0'/>\\s*"
                + "<address type='drive' controller='0' bus='0' target='0' unit='0'/>").matcher(live).find(), live);
        assertTrue(Pattern.compile("<target dev='sdb' bus='sata'/>\\s*<readonly/>\\s*<alias name='sata0-0-1'/>\\s*"
                + "<address type='drive' controller='0' bus='0' target='0' unit='1'/>").matcher(live).find(), live);
        assertTrue(live.contains("<controller type='sata' index='0'>\n      <alias name='ide'/>"), live);
        String qtree = qtree("q35");
        assertOn(qtree, "ide.0", "ide-hd", "sata0-0-0");
        assertOn(qtree, "ide.1", "ide-cd", "sata0-0-1");
        String nodes = ok(uri, "qemu-monitor-command", "q35", "{\"execute\":\"query-named-block-nodes\"}").out();
        assertTrue(nodes.contains("\"detect_zeroes\":\"unmap\""), nodes);

        ok(uri, "change-media", "q35", "sdb", "--eject");
        assertTrue(ok(uri, "domblklist", "q35").out().matches("(?s).*sdb\\s+-\\n.*"), "ejected");
        ok(uri, "change-media", "q35", "sdb", prefix.resolve("cd2.iso").toString(), "--insert");
        assertTrue(ok(uri, "domblklist", "q35").out().contains(prefix.resolve("cd2.iso").toString()), "inserted");
        String block = ok(uri, "qemu-monitor-command", "q35", "{\"execute\":\"query-block\"}").out();
        assertTrue(block.contains("cd2.iso"), block);

        Cli.Result plug = Cli.virsh(uri, "attach-disk", "q35", prefix.resolve("cd1.iso").toString(), "sdd",
                "--targetbus", "sata", "--live");
        assertTrue(plug.exit() != 0 && plug.err().contains("Bus 'ide.3' does not support hotplugging"), plug.all());
        Cli.Result unplug = Cli.virsh(uri, "detach-disk", "q35", "sda", "--live");
        assertTrue(unplug.err().contains("This type of disk cannot be hot unplugged"), unplug.all());
        ok(uri, "destroy", "q35");
    }

    @Test
    void pcDisksGetAnAhciCardOfTheirOwn() throws Exception {
        String live = booted("pc");
        assertTrue(Pattern.compile("<controller type='sata' index='0'>\\s*<alias name='sata0'/>\\s*"
                + "<address type='pci' domain='0x0000' bus='0x00' slot='0x0(\\d)' function='0x0'/>").matcher(live)
                .find(), live);
        String qtree = qtree("pc");
        assertTrue(qtree.contains("dev: ich9-ahci, id \"sata0\""), qtree);
        assertOn(qtree, "sata0.0", "ide-hd", "sata0-0-0");
        assertOn(qtree, "sata0.1", "ide-cd", "sata0-0-1");
        ok(uri, "destroy", "pc");
    }

    /** QEMU's device tree has device {@code id} of {@code driver} on bus {@code bus}. */
    private static void assertOn(String qtree, String bus, String driver, String id) {
        String device = "bus: " + Pattern.quote(bus) + "\n\\s*type \\S+\n\\s*dev: " + driver + ", id \"" + id + "\"";
        assertTrue(Pattern.compile(device).matcher(qtree).find(), id + " on " + bus + ": " + qtree);
    }

    /** QEMU's device tree, its CR LF line ends made plain. */
    private static String qtree(String name) throws Exception {
        return ok(uri, "qemu-monitor-command", name, "--hmp", "info qtree").out().replace("\r", "");
    }
}
