package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * The tiny guest on the q35 board with the devices virt-manager gives a new guest (root ports
 * libvirt adds itself, qemu-xhci with a tablet, virtio NIC, guest-agent channel, ICH9 sound,
 * virtio video on VNC, virtio rng): it boots, QEMU has each PCI device on the bus the live XML
 * names, and the agent socket is where the live XML says.
 */
class Q35GuestTest {
    private static final String NAME = "q35";

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
        String xml = guest.xml(NAME, prefix)
                .replace("<type arch='x86_64'>hvm</type>", "<type arch='x86_64' machine='q35'>hvm</type>")
                .replace("    <controller type='usb' model='none'/>\n", "")
                .replace("    <memballoon model='virtio'/>\n", """
                            <controller type='usb' model='qemu-xhci' ports='15'/>
                            <interface type='user'><model type='virtio'/></interface>
                            <channel type='unix'>
                              <source mode='bind'/>
                              <target type='virtio' name='org.qemu.guest_agent.0'/>
                            </channel>
                            <input type='tablet' bus='usb'/>
                            <graphics type='vnc' port='-1' autoport='yes'/>
                            <sound model='ich9'/>
                            <video><model type='virtio'/></video>
                            <memballoon model='virtio'/>
                            <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>
                        """);
        Path f = prefix.resolve(NAME + ".xml");
        Files.writeString(f, xml);
        ok(uri, "define", f.toString());
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    void bootsWithEveryDeviceWhereTheXmlSays() throws Exception {
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(60));
        String live = ok(uri, "dumpxml", NAME).out();
        // HMP ends its lines with CR LF
        String pci = ok(uri, "qemu-monitor-command", NAME, "--hmp", "info pci").out().replace("\r", "");
        // each endpoint's root port bus in the XML is the secondary bus QEMU shows it on
        assertOnBus(live, pci, "<rng model='virtio'>", "1af4:1044");
        assertOnBus(live, pci, "<memballoon model='virtio'>", "1af4:1045");
        assertOnBus(live, pci, "<interface type='user'>", "1af4:1041");
        assertTrue(pci.contains("Bus  0, device  27, function 0:\n    Audio controller"), pci);
        assertTrue(pci.contains("Bus  0, device   1, function 0:\n    VGA controller"), pci);
        Matcher socket = Pattern.compile("<source mode='bind' path='([^']+/org\\.qemu\\.guest_agent\\.0)'/>")
                .matcher(live);
        assertTrue(socket.find(), live);
        assertTrue(Files.exists(Path.of(socket.group(1))), "agent socket " + socket.group(1));
        assertTrue(live.contains("<target type='virtio' name='org.qemu.guest_agent.0' state='disconnected'/>"), live);
        String usb = ok(uri, "qemu-monitor-command", NAME, "--hmp", "info usb").out();
        assertTrue(usb.contains("Port 1") && usb.contains("QEMU USB Tablet"), usb);
        ok(uri, "destroy", NAME);
    }

    /** The device's {@code <address bus=>} in the XML is where QEMU's {@code info pci} lists it. */
    private static void assertOnBus(String live, String pci, String element, String pciId) {
        int at = live.indexOf(element);
        Matcher m = Pattern.compile("<address type='pci' domain='0x0000' bus='0x([0-9a-f]{2})'").matcher(live);
        assertTrue(at >= 0 && m.find(at), element + " in " + live);
        int bus = Integer.parseInt(m.group(1), 16);
        assertTrue(bus > 0, element + " on a root port");
        assertTrue(Pattern.compile("Bus +" + bus + ", device +0, function 0:\n[^\n]*PCI device " + pciId)
                .matcher(pci).find(), element + " on bus " + bus + ": " + pci);
    }
}
