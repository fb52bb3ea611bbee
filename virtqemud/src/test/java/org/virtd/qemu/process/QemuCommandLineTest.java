package org.virtd.qemu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.virtd.qemu.process.QemuLaunchSpec.Bus;
import org.virtd.qemu.process.QemuLaunchSpec.Cpu;
import org.virtd.qemu.process.QemuLaunchSpec.Disk;
import org.virtd.qemu.qmp.JsonParser;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

/**
 * Golden tests: src/test/resources/cmdline/NAME.spec → NAME.args (one argument per line).
 * Regenerate with {@code -Dvirtd.regenerate=true}, then review the diff.
 */
class QemuCommandLineTest {
    static final Path DIR = Path.of("src/test/resources/cmdline");

    @TestFactory
    Stream<DynamicTest> goldens() throws Exception {
        List<Path> specs;
        try (Stream<Path> s = Files.list(DIR)) {
            specs = s.filter(p -> p.toString().endsWith(".spec")).sorted().toList();
        }
        assertTrue(specs.size() >= 3, "spec files found in " + DIR.toAbsolutePath());
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            QemuLaunchSpec s = LaunchSpecJson.read(JsonParser.parseObject(Files.readString(spec)));
            String actual = String.join("\n", QemuCommandLine.build(s)) + "\n";
            Path golden = Path.of(spec.toString().replaceAll("\\.spec$", ".args"));
            if (Boolean.getBoolean("virtd.regenerate") || !Files.exists(golden)) {
                Files.writeString(golden, actual);
            }
            assertEquals(Files.readString(golden), actual, golden.toString());
        }));
    }

    @Test
    void aTapNicIsOpenedByNameAndTellsVirtioItsMtu() throws Exception {
        QemuLaunchSpec s = QemuLaunchSpec.builder("t", UUID.randomUUID()).monitorSocket(Path.of("/m"))
                .nic(new QemuLaunchSpec.Nic("52:54:00:00:00:01", "virtio", 0, "vnet3", true, true, 1400)).build();
        List<String> argv = QemuCommandLine.build(s);
        assertTrue(argv.contains("{\"type\":\"tap\",\"ifname\":\"vnet3\",\"script\":\"no\",\"downscript\":\"no\","
                + "\"vnet_hdr\":true,\"vhost\":true,\"id\":\"hostnet0\"}"), argv.toString());
        assertTrue(argv.stream().anyMatch(a -> a.startsWith("{\"driver\":\"virtio-net-pci\",\"host_mtu\":1400,"
                + "\"netdev\":\"hostnet0\",\"id\":\"net0\"")), argv.toString());
    }

    @Test
    void aVhostUserNicTalksToItsBackendThroughASocketChardevNamedAfterItsNetdev() throws Exception {
        QemuLaunchSpec s = QemuLaunchSpec.builder("t", UUID.randomUUID()).monitorSocket(Path.of("/m"))
                .nic(new QemuLaunchSpec.Nic("52:54:00:00:00:01", "virtio", 0, null, false, false, 0,
                        new QemuLaunchSpec.VhostUser(Path.of("/run/vu,0.sock"), true, -1), null))
                .nic(new QemuLaunchSpec.Nic("52:54:00:00:00:02", "virtio-transitional", 0, null, false, false, 0,
                        new QemuLaunchSpec.VhostUser(Path.of("/run/vu1.sock"), false, 10), null))
                .build();
        List<String> argv = QemuCommandLine.build(s);
        int first = argv.indexOf("socket,id=charnet0,path=/run/vu,,0.sock,server=on");
        assertTrue(first > 0, argv.toString());
        assertEquals("{\"type\":\"vhost-user\",\"chardev\":\"charnet0\",\"id\":\"hostnet0\"}", argv.get(first + 2));
        assertTrue(argv.get(first + 4).startsWith("{\"driver\":\"virtio-net-pci\",\"netdev\":\"hostnet0\""),
                argv.get(first + 4));
        int second = argv.indexOf("socket,id=charnet1,path=/run/vu1.sock,reconnect=10");
        assertTrue(second > first, argv.toString());
        assertEquals("{\"type\":\"vhost-user\",\"chardev\":\"charnet1\",\"id\":\"hostnet1\"}", argv.get(second + 2));
        assertTrue(argv.get(second + 4).startsWith("{\"driver\":\"virtio-net-pci-transitional\""), argv.get(second + 4));
    }

    @Test
    void aHotPluggedVhostUserSocketIsTheSameChardevInQmpForm() {
        assertEquals("{\"id\":\"charnet2\",\"backend\":{\"type\":\"socket\",\"data\":{\"addr\":{\"type\":\"unix\","
                + "\"data\":{\"path\":\"/run/vu.sock\"}},\"server\":false,\"reconnect\":5}}}",
                QemuCommandLine.vhostUserChardevAdd(new QemuLaunchSpec.VhostUser(Path.of("/run/vu.sock"), false, 5),
                        QemuCommandLine.chardevOf("hostnet2")).toJson());
    }

    @Test
    void socketTunnelsNameTheirEndsAsLibvirtDoes() throws Exception {
        QemuLaunchSpec.Builder b = QemuLaunchSpec.builder("t", UUID.randomUUID()).monitorSocket(Path.of("/m"));
        b.nic(tunnel("listen", null, 5558, null, 0));
        b.nic(tunnel("connect", "192.0.2.1", 5558, null, 0));
        b.nic(tunnel("mcast", "230.0.0.1", 5560, null, 0));
        b.nic(tunnel("udp", "127.0.0.1", 5511, "127.0.0.1", 5512));
        List<String> netdevs = new java.util.ArrayList<>();
        List<String> argv = QemuCommandLine.build(b.build());
        for (int i = 0; i < argv.size() - 1; i++) {
            if (argv.get(i).equals("-netdev")) {
                netdevs.add(argv.get(i + 1));
            }
        }
        assertEquals(List.of("{\"type\":\"socket\",\"listen\":\":5558\",\"id\":\"hostnet0\"}",
                "{\"type\":\"socket\",\"connect\":\"192.0.2.1:5558\",\"id\":\"hostnet1\"}",
                "{\"type\":\"socket\",\"mcast\":\"230.0.0.1:5560\",\"id\":\"hostnet2\"}",
                "{\"type\":\"socket\",\"udp\":\"127.0.0.1:5511\",\"localaddr\":\"127.0.0.1:5512\",\"id\":\"hostnet3\"}"),
                netdevs);
    }

    private static QemuLaunchSpec.Nic tunnel(String kind, String address, int port, String local, int localPort) {
        return new QemuLaunchSpec.Nic("52:54:00:00:00:0" + port % 10, "rtl8139", 0, null, false, false, 0, null,
                new QemuLaunchSpec.Tunnel(kind, address, port, local, localPort));
    }

    @Test
    void aChainStartsDeepestFirstEachFormatNodeNamingTheOneBelow() throws Exception {
        QemuLaunchSpec s = QemuLaunchSpec.builder("t", UUID.randomUUID()).monitorSocket(Path.of("/m"))
                .disk(new Disk(Path.of("/i/top.qcow2"), "qcow2", "vda", Bus.VIRTIO, false, false, 1, 3,
                        List.of(new QemuLaunchSpec.Layer(Path.of("/i/base.qcow2"), "qcow2", 6))))
                .disk(new Disk(Path.of("/i/raw.img"), "raw", "vdb", Bus.VIRTIO, false, false, 0, 1, List.of()))
                .build();
        List<String> blockdevs = new java.util.ArrayList<>();
        List<String> argv = QemuCommandLine.build(s);
        for (int i = 0; i < argv.size() - 1; i++) {
            if (argv.get(i).equals("-blockdev") || argv.get(i).equals("-device") && argv.get(i + 1).contains("blk")) {
                blockdevs.add(argv.get(i + 1));
            }
        }
        assertEquals(List.of(
                "{\"driver\":\"file\",\"filename\":\"/i/base.qcow2\",\"node-name\":\"libvirt-6-storage\","
                        + "\"auto-read-only\":true,\"discard\":\"unmap\"}",
                "{\"node-name\":\"libvirt-6-format\",\"read-only\":true,\"driver\":\"qcow2\","
                        + "\"file\":\"libvirt-6-storage\",\"backing\":null}",
                "{\"driver\":\"file\",\"filename\":\"/i/top.qcow2\",\"node-name\":\"libvirt-3-storage\","
                        + "\"auto-read-only\":true,\"discard\":\"unmap\"}",
                "{\"node-name\":\"libvirt-3-format\",\"read-only\":false,\"driver\":\"qcow2\","
                        + "\"file\":\"libvirt-3-storage\",\"backing\":\"libvirt-6-format\"}",
                "{\"driver\":\"virtio-blk-pci\",\"drive\":\"libvirt-3-format\",\"id\":\"virtio-disk0\","
                        + "\"bootindex\":1}",
                "{\"driver\":\"file\",\"filename\":\"/i/raw.img\",\"node-name\":\"libvirt-1-storage\","
                        + "\"auto-read-only\":true,\"discard\":\"unmap\"}",
                "{\"node-name\":\"libvirt-1-format\",\"read-only\":false,\"driver\":\"raw\","
                        + "\"file\":\"libvirt-1-storage\"}",
                "{\"driver\":\"virtio-blk-pci\",\"drive\":\"libvirt-1-format\",\"id\":\"virtio-disk1\"}"),
                blockdevs);
    }

    @Test
    void sataAndScsiDisksSitWhereTheirDriveSays() throws Exception {
        QemuLaunchSpec.Tuning tuning = new QemuLaunchSpec.Tuning("unmap", "unmap");
        QemuLaunchSpec s = QemuLaunchSpec.builder("t", UUID.randomUUID()).monitorSocket(Path.of("/m"))
                .disk(new Disk(Path.of("/i/a.qcow2"), "qcow2", "sda", Bus.SATA, false, false, 0, 3, List.of(),
                        new QemuLaunchSpec.Drive("ide.0", "sata0-0-0", 0, 0, false), tuning))
                .disk(new Disk(Path.of("/i/b.raw"), "raw", "sdb", Bus.SCSI, false, false, 0, 2, List.of(),
                        new QemuLaunchSpec.Drive("scsi0.0", "scsi0-0-1", 0, 1, true),
                        new QemuLaunchSpec.Tuning("ignore", "unmap")))
                .disk(new Disk(Path.of("/i/c.raw"), "raw", "sdc", Bus.SCSI, true, true, 0, 1, List.of(),
                        new QemuLaunchSpec.Drive("scsi1.0", "scsi1-0-0-2", 0, 2, false), null))
                .build();
        List<String> argv = QemuCommandLine.build(s);
        assertTrue(argv.contains("{\"node-name\":\"libvirt-3-format\",\"read-only\":false,\"discard\":\"unmap\","
                + "\"detect-zeroes\":\"unmap\",\"driver\":\"qcow2\",\"file\":\"libvirt-3-storage\",\"backing\":null}"),
                argv.toString());
        assertTrue(argv.contains("{\"driver\":\"ide-hd\",\"bus\":\"ide.0\",\"drive\":\"libvirt-3-format\","
                + "\"id\":\"sata0-0-0\"}"), argv.toString());
        // zero detection by unmapping needs discards passed down; otherwise it only detects
        assertTrue(argv.contains("{\"node-name\":\"libvirt-2-format\",\"read-only\":false,\"discard\":\"ignore\","
                + "\"detect-zeroes\":\"on\",\"driver\":\"raw\",\"file\":\"libvirt-2-storage\"}"), argv.toString());
        assertTrue(argv.contains("{\"driver\":\"scsi-hd\",\"bus\":\"scsi0.0\",\"scsi-id\":1,"
                + "\"device_id\":\"drive-scsi0-0-1\",\"drive\":\"libvirt-2-format\",\"id\":\"scsi0-0-1\"}"),
                argv.toString());
        assertTrue(argv.contains("{\"driver\":\"scsi-cd\",\"bus\":\"scsi1.0\",\"channel\":0,\"scsi-id\":0,"
                + "\"lun\":2,\"device_id\":\"drive-scsi1-0-0-2\",\"drive\":\"libvirt-1-format\","
                + "\"id\":\"scsi1-0-0-2\"}"), argv.toString());
    }

    @Test
    void theSeccompSandboxComesJustBeforeTheMessageOptionAsLibvirtPutsIt() throws VirtException {
        QemuLaunchSpec s = QemuLaunchSpec.builder("t", UUID.randomUUID()).monitorSocket(Path.of("/m"))
                .host(new QemuLaunchSpec.HostPolicy(false, true, 0, 0, true)).build();
        List<String> argv = QemuCommandLine.build(s);
        assertEquals(List.of("-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny",
                "-msg", "timestamp=on"), argv.subList(argv.size() - 4, argv.size()));
        QemuLaunchSpec off = QemuLaunchSpec.builder("t", UUID.randomUUID()).monitorSocket(Path.of("/m")).build();
        assertFalse(QemuCommandLine.build(off).contains("-sandbox"));
    }

    @Test
    void hostPassthroughNeedsKvm() {
        QemuLaunchSpec s = QemuLaunchSpec.builder("t", UUID.randomUUID()).monitorSocket(Path.of("/m"))
                .cpu(new Cpu("host-passthrough", null)).build();
        VirtException e = assertThrows(VirtException.class, () -> QemuCommandLine.build(s));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
    }

    @Test
    void ideTargetOutOfRangeIsRejected() {
        QemuLaunchSpec s = QemuLaunchSpec.builder("t", UUID.randomUUID()).monitorSocket(Path.of("/m"))
                .disk(new Disk(Path.of("/d"), "raw", "hde", Bus.IDE, false, false, 0)).build();
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, assertThrows(VirtException.class, () -> QemuCommandLine.build(s)).code());
    }

    @Test
    void specRejectsNonsenseSizes() {
        assertThrows(IllegalArgumentException.class, () -> QemuLaunchSpec.builder("t", UUID.randomUUID())
                .monitorSocket(Path.of("/m")).vcpus(4, 2).build());
        assertThrows(IllegalArgumentException.class, () -> QemuLaunchSpec.builder("t", UUID.randomUUID())
                .monitorSocket(Path.of("/m")).memoryKiB(0).build());
    }

    @Test
    void numatuneNodesGoToAMemoryBackendAsLibvirtWritesIt() throws Exception {
        QemuLaunchSpec s = QemuLaunchSpec.builder("t", UUID.randomUUID()).monitorSocket(Path.of("/m"))
                .memoryKiB(131072).memoryPolicy(new QemuLaunchSpec.MemoryPolicy(List.of(0, 2), "interleave")).build();
        List<String> argv = QemuCommandLine.build(s);
        assertTrue(argv.get(argv.indexOf("-machine") + 1).endsWith(",dump-guest-core=off,memory-backend=pc.ram"),
                argv.toString());
        int m = argv.indexOf("-m");
        assertEquals(List.of("-m", "128", "-object", "{\"qom-type\":\"memory-backend-ram\",\"id\":\"pc.ram\","
                + "\"size\":134217728,\"host-nodes\":[0,2],\"policy\":\"interleave\"}"), argv.subList(m, m + 4));
        // without <numatune> the backend is still there, with no policy (as libvirt always names it)
        List<String> plain = QemuCommandLine.build(QemuLaunchSpec.builder("t", UUID.randomUUID())
                .monitorSocket(Path.of("/m")).build());
        assertFalse(String.join(" ", plain).contains("host-nodes"), plain.toString());
        assertTrue(String.join(" ", plain).contains("\"id\":\"pc.ram\""), plain.toString());
    }

    @Test
    void smpForm() {
        assertEquals("1,sockets=1,cores=1,threads=1", QemuCommandLine.smp(1, 1));
        assertEquals("2,maxcpus=8,sockets=8,cores=1,threads=1", QemuCommandLine.smp(2, 8));
    }
}
