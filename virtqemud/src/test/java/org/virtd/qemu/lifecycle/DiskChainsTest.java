package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.BackingChain;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.storage.Qcow2Images;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chains completed from image headers and numbered as libvirtd 9.0 numbered the same disks. */
class DiskChainsTest {

    private static DomainDef domain(String disks) throws VirtException {
        return QemuXmlConf.PARSER.parse("<domain type='qemu'><name>d</name>"
                + "<uuid>5d0c2a61-93e4-4b7a-a1f2-0c6e8d4b7a01</uuid><memory>131072</memory>"
                + "<os><type>hvm</type></os><devices>" + disks + "</devices></domain>", false);
    }

    private static String disk(String dev, String format, Path file, String backing) {
        return "<disk type='file' device='disk'><driver name='qemu' type='" + format + "'/><source file='" + file
                + "'/>" + backing + "<target dev='" + dev + "' bus='virtio'/></disk>";
    }

    private static List<Integer> numbers(DiskDef k) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(k.sourceIndex()),
                k.backing().layers().stream().map(BackingChain.Layer::index)).toList();
    }

    @Test
    void sourcesFirstFromTheLastDiskThenDetectedLayers(@TempDir Path dir) throws Exception {
        Path base = Qcow2Images.create(dir.resolve("base.qcow2"), null, null);
        Path top = Qcow2Images.create(dir.resolve("top.qcow2"), "base.qcow2", "qcow2");
        Path b2 = Qcow2Images.create(dir.resolve("b2.qcow2"), null, null);
        Path mid = Qcow2Images.create(dir.resolve("mid.qcow2"), b2.toString(), "qcow2");
        Path top2 = Qcow2Images.create(dir.resolve("top2.qcow2"), "mid.qcow2", "qcow2");
        Path raw = Files.write(dir.resolve("raw.img"), new byte[512]);
        List<DiskDef> disks = DiskChains.resolve(domain(disk("vda", "qcow2", top, "") + disk("vdb", "qcow2", top2, "")
                + disk("vdc", "raw", raw, ""))).devices().disks();
        assertEquals(List.of(3, 6), numbers(disks.get(0)));
        assertEquals(List.of(2, 4, 5), numbers(disks.get(1)));
        assertEquals(List.of(1), numbers(disks.get(2)));
        assertEquals(base.toString(), disks.get(0).backing().layers().get(0).source());
        assertTrue(disks.stream().allMatch(k -> k.backing().ends()));
    }

    @Test
    void givenLayersAreNumberedWithTheirSource(@TempDir Path dir) throws Exception {
        Path base = Qcow2Images.create(dir.resolve("base.qcow2"), null, null);
        Path top = Qcow2Images.create(dir.resolve("top.qcow2"), "base.qcow2", "qcow2");
        Path b2 = Qcow2Images.create(dir.resolve("b2.qcow2"), null, null);
        Path top2 = Qcow2Images.create(dir.resolve("top2.qcow2"), "b2.qcow2", "qcow2");
        String given = "<backingStore type='file'><format type='qcow2'/><source file='" + base + "'/></backingStore>";
        List<DiskDef> disks = DiskChains.resolve(domain(disk("vda", "qcow2", top, given)
                + disk("vdb", "qcow2", top2, ""))).devices().disks();
        assertEquals(List.of(2, 3), numbers(disks.get(0)));
        assertEquals(List.of(1, 4), numbers(disks.get(1)));
    }

    @Test
    void anUnrecordedBackingFormatIsProbed(@TempDir Path dir) throws Exception {
        Path raw = Files.write(dir.resolve("raw.img"), new byte[4096]);
        Path top = Qcow2Images.create(dir.resolve("top.qcow2"), "raw.img", null);
        Qcow2Images.create(dir.resolve("q.qcow2"), null, null);
        Path top2 = Qcow2Images.create(dir.resolve("top2.qcow2"), "q.qcow2", null);
        List<DiskDef> disks = DiskChains.resolve(domain(disk("vda", "qcow2", top, "")
                + disk("vdb", "qcow2", top2, ""))).devices().disks();
        assertEquals("raw", disks.get(0).backing().layers().get(0).format());
        assertEquals(raw.toString(), disks.get(0).backing().layers().get(0).source());
        assertEquals("qcow2", disks.get(1).backing().layers().get(0).format());
    }

    @Test
    void missingImagesStopTheStartWithLibvirtsStorageErrors(@TempDir Path dir) throws IOException {
        Path top = Qcow2Images.create(dir.resolve("top.qcow2"), dir.resolve("gone.qcow2").toString(), "qcow2");
        VirtException e = assertThrows(VirtException.class,
                () -> DiskChains.resolve(domain(disk("vda", "qcow2", top, ""))));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Cannot access backing file '" + dir.resolve("gone.qcow2")
                + "' of storage file '" + top + "' (as uid:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("): No such file or directory"), e.getMessage());
        VirtException absent = assertThrows(VirtException.class,
                () -> DiskChains.resolve(domain(disk("vda", "qcow2", dir.resolve("no.qcow2"), ""))));
        assertTrue(absent.getMessage().startsWith("Cannot access storage file '" + dir.resolve("no.qcow2")),
                absent.getMessage());
    }

    @Test
    void aChainTheDefinitionEndsIsNotFollowed(@TempDir Path dir) throws Exception {
        Qcow2Images.create(dir.resolve("base.qcow2"), null, null);
        Path top = Qcow2Images.create(dir.resolve("top.qcow2"), "base.qcow2", "qcow2");
        DiskDef k = DiskChains.resolve(domain(disk("vda", "qcow2", top, "<backingStore/>"))).devices().disks().get(0);
        assertEquals(BackingChain.NONE, k.backing().unnumbered());
        assertEquals(1, k.sourceIndex());
    }

    @Test
    void numberedDisksStayNumberedInTheLiveDefinition(@TempDir Path dir) throws Exception {
        Path raw = Files.write(dir.resolve("raw.img"), new byte[512]);
        DomainDef def = DiskChains.resolve(domain(disk("vda", "raw", raw, "")));
        Devices d = LiveDefinition.of(def, java.util.Map.of(), java.util.List.of()).devices();
        assertEquals(1, d.disks().get(0).sourceIndex());
    }
}
