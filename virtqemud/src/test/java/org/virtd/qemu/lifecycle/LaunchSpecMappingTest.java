package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.process.QemuCommandLine;
import org.virtd.qemu.process.QemuLaunchSpec;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchSpecMappingTest {
    private static final String TINY = """
            <domain type='%s'>
              <name>tiny</name>
              <memory unit='KiB'>131073</memory>
              <vcpu current='1'>2</vcpu>
              <os><type arch='x86_64'>hvm</type><kernel>/k</kernel><initrd>/i</initrd>
                <cmdline>console=ttyS0 quiet</cmdline></os>
              <features><acpi/></features>
              <on_reboot>destroy</on_reboot>
              <devices>
                <serial type='pty'><log file='/tmp/c.log' append='off'/><target port='0'/></serial>
                <console type='pty'><target type='serial' port='0'/></console>
                <memballoon model='none'/>
                %s
              </devices>
            </domain>
            """;

    private static DomainDef def(String type, String extraDevices) throws VirtException {
        DomainDef raw = QemuXmlConf.PARSER.parse(String.format(TINY, type, extraDevices), false);
        return new QemuDomainDefaults(GuestEmulators.builtIn(), new SecureRandom()).apply(raw);
    }

    @Test
    void tinyGuestMapsToTheCleanSubset() throws Exception {
        QemuLaunchSpec s = new LaunchSpecMapping(false, () -> 5901).map(def("qemu", ""), Path.of("/run/m.sock"));
        assertEquals(QemuLaunchSpec.Accel.TCG, s.accel());
        assertEquals(131073, s.memoryKiB());
        assertEquals(1, s.vcpus());
        assertEquals(2, s.maxVcpus());
        assertTrue(s.acpi());
        assertFalse(s.balloon());
        assertEquals(Path.of("/k"), s.kernel());
        assertEquals("console=ttyS0 quiet", s.append());
        assertEquals(List.of(new QemuLaunchSpec.Serial(0, Path.of("/tmp/c.log"), false)), s.serials());
        List<String> argv = QemuCommandLine.build(s);
        assertTrue(argv.contains("-no-shutdown"));
        assertTrue(argv.contains("pty,id=charserial0,logfile=/tmp/c.log,logappend=off"), argv.toString());
    }

    @Test
    void kvmTypeUsesKvmOnlyWhereItWorks() throws Exception {
        assertEquals(QemuLaunchSpec.Accel.TCG,
                new LaunchSpecMapping(false, () -> 5900).map(def("kvm", ""), Path.of("/m")).accel());
        assertEquals(QemuLaunchSpec.Accel.KVM,
                new LaunchSpecMapping(true, () -> 5900).map(def("kvm", ""), Path.of("/m")).accel());
        assertEquals(QemuLaunchSpec.Accel.TCG,
                new LaunchSpecMapping(true, () -> 5900).map(def("qemu", ""), Path.of("/m")).accel());
    }

    @Test
    void vncAutoportTakesAnAllocatedPort() throws Exception {
        QemuLaunchSpec s = new LaunchSpecMapping(false, () -> 5907)
                .map(def("qemu", "<graphics type='vnc' port='-1' autoport='yes'/>"), Path.of("/m"));
        assertEquals(5907, s.display().port());
    }

    @Test
    void unsupportedDevicesAreRefusedNotIgnored() throws Exception {
        VirtException e = assertThrows(VirtException.class, () -> new LaunchSpecMapping(false, () -> 5900)
                .map(def("qemu", "<interface type='direct'><source dev='eth0' mode='vepa'/>"
                        + "<model type='virtio'/></interface>"), Path.of("/m")));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.error().code());
        assertEquals("unsupported configuration: interface type 'direct' is not supported by this driver",
                e.error().message());
    }

    @Test
    void aVhostUserNicKeepsItsSocketModeAndReconnect() throws Exception {
        QemuLaunchSpec s = new LaunchSpecMapping(false, () -> 5900).map(def("qemu",
                "<interface type='vhostuser'><mac address='52:54:00:00:00:01'/>"
                        + "<source type='unix' path='/s' mode='client'><reconnect enabled='yes' timeout='4'/></source>"
                        + "<model type='virtio'/><mtu size='1400'/></interface>"), Path.of("/m"));
        QemuLaunchSpec.Nic n = s.nics().get(0);
        assertEquals(new QemuLaunchSpec.VhostUser(Path.of("/s"), false, 4), n.vhostUser());
        assertEquals(null, n.tap());
        assertEquals(1400, n.hostMtu());
    }

    @Test
    void aNetworkNicWithoutANetworkDriverIsNotFound() {
        VirtException e = assertThrows(VirtException.class, () -> new LaunchSpecMapping(false, () -> 5900)
                .map(def("qemu", "<interface type='network'><source network='default'/></interface>"), Path.of("/m")));
        assertEquals(ErrorCode.NO_NETWORK, e.error().code());
        assertEquals("Network not found: no network with matching name 'default'", e.error().message());
    }

    @Test
    void tapNicsAreOpenedByNameWithTheVirtioHeaderOnlyForModelsThatUseIt() throws Exception {
        QemuLaunchSpec s = new LaunchSpecMapping(false, () -> 5900).map(def("qemu",
                "<interface type='ethernet'><mac address='52:54:00:00:00:01'/><target dev='tap7'/>"
                        + "<model type='virtio'/><mtu size='1400'/></interface>"
                        + "<interface type='bridge'><mac address='52:54:00:00:00:02'/><source bridge='br0'/>"
                        + "<target dev='tap8'/><model type='e1000'/><mtu size='1400'/></interface>"), Path.of("/m"));
        QemuLaunchSpec.Nic virtio = s.nics().get(0);
        assertEquals("tap7", virtio.tap());
        assertTrue(virtio.vnetHdr());
        assertEquals(1400, virtio.hostMtu());
        QemuLaunchSpec.Nic e1000 = s.nics().get(1);
        assertEquals("tap8", e1000.tap());
        assertFalse(e1000.vnetHdr());
        assertEquals(0, e1000.hostMtu(), "only virtio tells the guest its MTU");
        assertFalse(e1000.vhost());
    }

    @Test
    void liveDefinitionCarriesPtysAndWholeMebibytes() throws Exception {
        DomainDef live = LiveDefinition.of(def("qemu", ""), Map.of("charserial0", "/dev/pts/7"), List.of());
        assertEquals(132096, live.memoryKiB());
        assertEquals("/dev/pts/7", live.devices().serials().get(0).sourcePath());
        assertEquals("/dev/pts/7", LiveDefinition.ptyOf(live, null));
        assertEquals("/dev/pts/7", LiveDefinition.ptyOf(live, "serial0"));
        assertNull(LiveDefinition.ptyOf(live, "serial1"));
    }

    @Test
    void liveDefinitionShowsTheVncPortAndAddressQemuListensOn() throws Exception {
        DomainDef def = def("qemu", "<graphics type='vnc' autoport='yes'/>");
        assertEquals(-1, def.devices().graphics().get(0).port());
        var g = LiveDefinition.of(def, Map.of(), List.of(new QemuLaunchSpec.Display("vnc", "127.0.0.1", 5903)))
                .devices().graphics().get(0);
        assertEquals(5903, g.port());
        assertEquals("127.0.0.1", g.listen());
        assertEquals("yes", g.autoport());
    }

    @Test
    void vncAndSpiceTogetherEachGetTheirPortAndPtyChannelsTheirPath() throws Exception {
        DomainDef def = def("qemu", "<graphics type='vnc' autoport='yes'/><graphics type='spice' autoport='yes'/>"
                + "<channel type='pty'><target type='virtio' name='org.example.pty'/></channel>");
        int[] next = {5900};
        QemuLaunchSpec s = new LaunchSpecMapping(false, () -> next[0]++).map(def, Path.of("/run/m.sock"));
        assertEquals(List.of("vnc", "spice"), s.displays().stream().map(QemuLaunchSpec.Display::type).toList());
        assertEquals(List.of(5900, 5901), s.displays().stream().map(QemuLaunchSpec.Display::port).toList());
        DomainDef live = LiveDefinition.of(def, Map.of("charchannel0", "/dev/pts/9"), s.displays());
        assertEquals(List.of(5900, 5901), live.devices().graphics().stream().map(g -> g.port()).toList());
        assertEquals("/dev/pts/9", live.devices().channels().get(0).sourcePath());
    }
}
