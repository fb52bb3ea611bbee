package org.virtd.qemu.driver;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.driver.CallContext;
import org.virtd.core.testing.TestCalls;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.domain.DomainStore;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.qemu.stats.StatsGroups;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.AllDomainStatsArgs;
import org.virtd.rpc.remote.types.BlockInfo;
import org.virtd.rpc.remote.types.CpuMaps;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.DomainStatsRecord;
import org.virtd.rpc.remote.types.TypedParam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statistics, pinning and job handlers on an inactive domain over a real store (no QEMU):
 * the groups getAllDomainStats reports without a run, block info and peeks from the image,
 * config pins stored in {@code <cputune>}, and libvirt's errors.
 */
class DomainStatsHandlersTest {
    @TempDir
    Path dir;

    private final CallContext ctx = TestCalls.readWrite("qemu:///system", e -> { });
    private DomainLookup lookup;
    private DomainRef ref;
    private Path disk;

    @BeforeEach
    void define() throws Exception {
        disk = dir.resolve("disk.img");
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Files.write(disk, bytes);
        DomainRegistry registry = new DomainRegistry(new DomainStore(dir.resolve("conf")));
        lookup = new DomainLookup(() -> registry);
        String xml = "<domain type='qemu'><name>s1</name><memory>65536</memory><vcpu>2</vcpu>"
                + "<os><type>hvm</type></os><devices><disk type='file' device='disk'><driver name='qemu' type='raw'/>"
                + "<source file='" + disk + "'/><target dev='vda' bus='virtio'/></disk></devices></domain>";
        ref = new DomainConfigHandlers(lookup, GuestEmulators::builtIn, new SplittableRandom(3)).define(ctx, xml, 0);
    }

    private static List<String> names(List<TypedParam> params) {
        return params.stream().map(TypedParam::field).toList();
    }

    @Test
    void inactiveDomainsReportConfigGroupsOnly() throws Exception {
        AllDomainStatsHandlers all = new AllDomainStatsHandlers(lookup, () -> null);
        List<DomainStatsRecord> recs = all.stats(new AllDomainStatsArgs(List.of(), 0, 0));
        assertEquals(1, recs.size());
        assertEquals(List.of("state.state", "state.reason", "cpu.time", "cpu.user", "cpu.system", "balloon.current",
                "balloon.maximum", "vcpu.current", "vcpu.maximum", "block.count", "block.0.name", "block.0.path",
                "block.0.allocation", "block.0.capacity", "block.0.physical"), names(recs.get(0).params()));
        assertEquals(List.of(), all.stats(new AllDomainStatsArgs(List.of(), StatsGroups.STATE, 1)),
                "--list-active leaves the inactive domain out");
        VirtException enforce = assertThrows(VirtException.class, () -> all.stats(
                new AllDomainStatsArgs(List.of(), 1 << 20, AllDomainStatsHandlers.ENFORCE_STATS)));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, enforce.code());
        assertEquals("argument unsupported: Stats types bits 0x100000 are not supported by this daemon or QEMU",
                enforce.getMessage());
        assertEquals(List.of(), all.stats(new AllDomainStatsArgs(List.of(ref), 1 << 20, 0)).get(0).params());
        assertThrows(VirtException.class, () -> all.stats(new AllDomainStatsArgs(List.of(), 1, 1 << 20)));
    }

    @Test
    void blockInfoAndPeekReadTheImage() throws Exception {
        DomainStatsHandlers h = new DomainStatsHandlers(lookup, () -> null);
        DomainObject dom = lookup.resolve(ref);
        BlockInfo info = h.blockInfo(dom, "vda");
        assertEquals(4096, info.capacity());
        assertEquals(4096, info.physical());
        assertTrue(info.allocation() >= 4096, "a written file holds its bytes: " + info);
        try (var f = new java.io.RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength(64L << 20);
        }
        BlockInfo sparse = h.blockInfo(dom, "vda");
        assertEquals(64L << 20, sparse.capacity());
        assertTrue(sparse.allocation() < sparse.capacity(), "a sparse image's allocation is what it holds: " + sparse);
        assertArrayEquals(new byte[] {16, 17, 18}, h.blockPeek(dom, disk.toString(), 16, 3));
        VirtException past = assertThrows(VirtException.class, () -> h.blockPeek(dom, "vda", (64L << 20) - 6, 16));
        assertEquals("invalid argument: 'vda' starting from 67108858 has only 6 bytes available", past.getMessage());
        VirtException none = assertThrows(VirtException.class, () -> h.blockInfo(dom, "vdz"));
        assertEquals("invalid argument: invalid path vdz not assigned to domain", none.getMessage());
        assertEquals(ErrorDomain.QEMU, none.error().domain());
    }

    @Test
    void configPinsAreStoredAndReadBack() throws Exception {
        DomainPinHandlers h = new DomainPinHandlers(lookup, () -> null);
        DomainObject dom = lookup.resolve(ref);
        h.pinVcpu(dom, 1, new byte[] {1}, 0);
        h.pinEmulator(dom, new byte[] {2}, 2);
        String stored = Files.readString(dir.resolve("conf/s1.xml"));
        assertTrue(stored.contains("<cputune>\n    <vcpupin vcpu='1' cpuset='0'/>\n    <emulatorpin cpuset='1'/>\n"
                + "  </cputune>"), stored);
        CpuMaps maps = h.vcpuPinInfo(dom, 2, 1, 0);
        assertEquals(2, maps.num());
        assertEquals(1, maps.cpumaps()[1]);
        VirtException empty = assertThrows(VirtException.class, () -> h.pinVcpu(dom, 0, new byte[] {0}, 2));
        assertEquals("invalid argument: Empty cpu list for pinning", empty.getMessage());
        VirtException range = assertThrows(VirtException.class, () -> h.pinVcpu(dom, 2, new byte[] {1}, 2));
        assertEquals("invalid argument: vcpu 2 is out of range of persistent cpu count 2", range.getMessage());
        VirtException live = assertThrows(VirtException.class, () -> h.pinVcpu(dom, 0, new byte[] {1}, 1));
        assertEquals("Requested operation is not valid: domain is not running", live.getMessage());
        assertEquals(ErrorDomain.DOMAIN, live.error().domain());
    }
}
