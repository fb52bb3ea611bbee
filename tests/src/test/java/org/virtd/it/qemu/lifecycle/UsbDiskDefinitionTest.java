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

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * USB disks in a definition (issue 14) on the real tiny guest: two USB disks and a tablet on the
 * PIIX3 UHCI's two ports get an implicit hub at port 1, the disks ports 2 and 1.1, the tablet
 * 1.2; QEMU shows the usb-storage devices and the hub on those ports; a kill -9 and restart of
 * the daemon keeps the hub and the ports in the live XML, and an attach-disk --live --config
 * takes the hub's next port in both definitions. (The tiny guest's cloud kernel has no USB
 * support, so QEMU's view of its USB bus is what is checked.)
 */
class UsbDiskDefinitionTest {
    private static final String NAME = "usbdef1";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void cleanUp() {
        if (daemon != null) {
            daemon.close();
        }
        Guests.killQemusUnder(prefix);
    }

    @Test
    @Timeout(300)
    void usbDisksOfADefinitionSitOnLibvirtsPorts() throws Exception {
        TinyGuest guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        for (String img : List.of("u1.qcow2", "u2.qcow2", "u3.qcow2")) {
            Cli.Result made = Cli.run(List.of("qemu-img", "create", "-q", "-f", "qcow2",
                    prefix.resolve(img).toString(), "16M"), 30);
            assertTrue(made.exit() == 0, made.all());
        }
        String disks = "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='"
                + prefix.resolve("u1.qcow2") + "'/><target dev='sdb' bus='usb'/></disk>"
                + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='"
                + prefix.resolve("u2.qcow2") + "'/><target dev='sdc' bus='usb'/></disk>"
                + "<input type='tablet' bus='usb'/></devices>";
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, guest.xml(NAME, prefix).replace("<controller type='usb' model='none'/>", "")
                .replace("</devices>", disks));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(40));

        String usb = ok(uri, "qemu-monitor-command", NAME, "--hmp", "info usb").out();
        assertTrue(usb.contains("Port 1, Speed 12 Mb/s, Product QEMU USB Hub, ID: hub0"), usb);
        assertTrue(usb.contains("Port 2, Speed 12 Mb/s, Product QEMU USB MSD, ID: usb-disk1"), usb);
        assertTrue(usb.contains("Port 1.1, Speed 12 Mb/s, Product QEMU USB MSD, ID: usb-disk2"), usb);
        assertTrue(usb.contains("Port 1.2, Speed 12 Mb/s, Product QEMU USB Tablet, ID: input0"), usb);

        daemon.kill();
        daemon.restart();
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<alias name='hub0'/>\n      <address type='usb' bus='0' port='1'/>"), live);
        assertTrue(live.contains("<alias name='usb-disk2'/>\n      <address type='usb' bus='0' port='1.1'/>"), live);

        ok(uri, "attach-disk", NAME, prefix.resolve("u3.qcow2").toString(), "sdd", "--targetbus", "usb",
                "--subdriver", "qcow2", "--live", "--config");
        usb = ok(uri, "qemu-monitor-command", NAME, "--hmp", "info usb").out();
        assertTrue(usb.contains("Port 1.3, Speed 12 Mb/s, Product QEMU USB MSD, ID: usb-disk3"), usb);
        String inactive = ok(uri, "dumpxml", "--inactive", NAME).out();
        assertTrue(inactive.contains("<target dev='sdd' bus='usb'/>\n      <address type='usb' bus='0' port='1.3'/>"),
                inactive);
    }
}
