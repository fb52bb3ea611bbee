package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.process.QemuCommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * virt-manager's q35 guest (the define golden's input) down to QEMU's argv: the arguments
 * libvirtd 9.0 gave QEMU for the same definition, apart from the fds libvirt passes for sockets.
 */
class PlatformArgsTest {

    private static List<String> argv(String golden) throws Exception {
        String xml = Files.readString(Path.of("src/test/resources/domainxml/" + golden + ".xml"));
        DomainDef def = new QemuDomainDefaults(GuestEmulators.builtIn(), new SplittableRandom(1))
                .apply(QemuXmlConf.PARSER.parse(xml, false));
        def = ChannelSockets.assign(def, Path.of("/tmp/virtd-test-channels/domain-1-x"));
        return QemuCommandLine.build(new LaunchSpecMapping(false, () -> 5900).map(def, Path.of("/tmp/m.sock")));
    }

    private static void assertArg(List<String> argv, String flag, String value) {
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (argv.get(i).equals(flag) && argv.get(i + 1).equals(value)) {
                return;
            }
        }
        throw new AssertionError(flag + " " + value + " missing from " + String.join(" ", argv));
    }

    @Test
    void virtManagerGuestDevicesWhereTheXmlPutsThem() throws Exception {
        List<String> a = argv("q35-virt-manager");
        assertArg(a, "-device", "{\"driver\":\"pcie-root-port\",\"port\":16,\"chassis\":1,\"id\":\"pci.1\","
                + "\"bus\":\"pcie.0\",\"multifunction\":true,\"addr\":\"0x2\"}");
        assertArg(a, "-device", "{\"driver\":\"pcie-root-port\",\"port\":29,\"chassis\":14,\"id\":\"pci.14\","
                + "\"bus\":\"pcie.0\",\"addr\":\"0x3.0x5\"}");
        assertArg(a, "-device", "{\"driver\":\"qemu-xhci\",\"p2\":15,\"p3\":15,\"id\":\"usb\",\"bus\":\"pci.2\","
                + "\"addr\":\"0x0\"}");
        assertArg(a, "-device", "{\"driver\":\"virtio-serial-pci\",\"id\":\"virtio-serial0\",\"bus\":\"pci.3\","
                + "\"addr\":\"0x0\"}");
        assertArg(a, "-chardev", "socket,id=charchannel0,path=/tmp/virtd-test-channels/domain-1-x/"
                + "org.qemu.guest_agent.0,server=on,wait=off");
        assertArg(a, "-device", "{\"driver\":\"virtserialport\",\"bus\":\"virtio-serial0.0\",\"nr\":1,"
                + "\"chardev\":\"charchannel0\",\"id\":\"channel0\",\"name\":\"org.qemu.guest_agent.0\"}");
        assertArg(a, "-device", "{\"driver\":\"usb-tablet\",\"id\":\"input0\",\"bus\":\"usb.0\",\"port\":\"1\"}");
        assertArg(a, "-device", "{\"driver\":\"ich9-intel-hda\",\"id\":\"sound0\",\"bus\":\"pcie.0\",\"addr\":\"0x1b\"}");
        assertArg(a, "-device", "{\"driver\":\"hda-duplex\",\"id\":\"sound0-codec0\",\"bus\":\"sound0.0\",\"cad\":0,"
                + "\"audiodev\":\"audio1\"}");
        assertArg(a, "-object", "{\"qom-type\":\"rng-random\",\"id\":\"objrng0\",\"filename\":\"/dev/urandom\"}");
        assertArg(a, "-device", "{\"driver\":\"virtio-rng-pci\",\"rng\":\"objrng0\",\"id\":\"rng0\",\"bus\":\"pci.6\","
                + "\"addr\":\"0x0\"}");
        assertTrue(a.contains("{\"driver\":\"virtio-balloon-pci\",\"id\":\"balloon0\",\"bus\":\"pci.5\",\"addr\":\"0x0\"}"));
        // the PCI buses come before anything plugged into them
        int lastPort = 0;
        int usb = a.indexOf("{\"driver\":\"qemu-xhci\",\"p2\":15,\"p3\":15,\"id\":\"usb\",\"bus\":\"pci.2\",\"addr\":\"0x0\"}");
        for (int i = 0; i < a.size(); i++) {
            lastPort = a.get(i).contains("pcie-root-port") ? i : lastPort;
        }
        assertTrue(lastPort < usb, "root ports first");
    }

    @Test
    void scsiDiskOnTheVirtioScsiController() throws Exception {
        List<String> a = argv("q35-auto-ports");
        assertArg(a, "-device", "{\"driver\":\"virtio-scsi-pci\",\"id\":\"scsi0\",\"bus\":\"pci.3\",\"addr\":\"0x0\"}");
        assertArg(a, "-device", "{\"driver\":\"scsi-hd\",\"bus\":\"scsi0.0\",\"channel\":0,\"scsi-id\":0,\"lun\":0,"
                + "\"device_id\":\"drive-scsi0-0-0-0\",\"drive\":\"libvirt-1-format\",\"id\":\"scsi0-0-0-0\"}");
        assertEquals(9, a.stream().filter(s -> s.contains("pcie-root-port")).count(), "8 endpoints and a spare");
    }
}
