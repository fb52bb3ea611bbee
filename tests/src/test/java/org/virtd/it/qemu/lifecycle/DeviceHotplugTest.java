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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * A qcow2 disk plugged into the running tiny guest (issue 14): {@code virsh attach-disk --live
 * --config} puts a virtio-blk device where the guest's kernel finds it (its console lists it
 * under /sys/block), the live XML shows libvirt's slot, alias and node index, a python client
 * gets DEVICE_ADDED; the disk stays through an orderly daemon restart (live and persistent);
 * {@code detach-disk --live} takes it out of the guest with DEVICE_REMOVED, and after a kill -9
 * and restart the live XML no longer has it while the persistent one still does.
 */
class DeviceHotplugTest {
    private static final String NAME = "hotplug1";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void cleanUp() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Timeout(480) // may first build the test guest and its virtio-blk initrd, each bounded at 300 s
    void aDiskPluggedLiveAndPersistentlyComesAndGoes() throws Exception {
        TinyGuest guest = TinyGuest.get();
        Path initrd = guest.blkInitrd();
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, guest.xml(NAME, prefix).replace(guest.dir().resolve("initrd.img").toString(),
                initrd.toString()));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(40));
        Path image = prefix.resolve("new.qcow2");
        Cli.Result made = Cli.run(List.of("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "16M"), 30);
        assertTrue(made.exit() == 0, made.all());

        try (EventRecorder events = EventRecorder.start(uri, prefix, "device_events.py")) {
            ok(uri, "attach-disk", NAME, image.toString(), "vdb", "--subdriver", "qcow2", "--live", "--config");
            TinyGuest.await(() -> events.lines().contains("added " + NAME + " virtio-disk1"), Duration.ofSeconds(10),
                    "no DEVICE_ADDED for virtio-disk1: " + events.lines());
        }
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<source file='" + image + "' index='1'/>"), live);
        assertTrue(live.contains("<alias name='virtio-disk1'/>"), live);
        assertTrue(live.contains("<address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>"),
                live);
        // the guest's first virtio disk is its vda, whatever the target name on the host
        assertTrue(console("ls /sys/block | sed 's/^/BLK-/'", "BLK-vda").contains("seen True"),
                "the guest does not list the new disk");

        daemon.close();
        daemon.restart();
        assertTrue(ok(uri, "dumpxml", NAME).out().contains("<alias name='virtio-disk1'/>"), "kept after a restart");
        assertTrue(ok(uri, "dumpxml", "--inactive", NAME).out().contains("<target dev='vdb' bus='virtio'/>"));

        try (EventRecorder events = EventRecorder.start(uri, prefix, "device_events.py")) {
            ok(uri, "detach-disk", NAME, "vdb", "--live");
            TinyGuest.await(() -> events.lines().contains("removed " + NAME + " virtio-disk1"),
                    Duration.ofSeconds(10), "no DEVICE_REMOVED for virtio-disk1: " + events.lines());
        }
        assertFalse(ok(uri, "dumpxml", NAME).out().contains("virtio-disk1"));
        assertTrue(console("ls /sys/block | wc -w | sed 's/^/COUNT-/'", "COUNT-0").contains("seen True"),
                "the guest still has the disk");

        daemon.kill();
        daemon.restart();
        assertFalse(ok(uri, "dumpxml", NAME).out().contains("<target dev='vdb'"), "detached live: gone after kill -9");
        assertTrue(ok(uri, "dumpxml", "--inactive", NAME).out().contains("<target dev='vdb' bus='virtio'/>"),
                "still in the persistent definition");
        ok(uri, "destroy", NAME);
    }

    private String console(String command, String expect) throws Exception {
        return Guests.console(daemon.uri(), NAME, prefix, command, expect);
    }
}
