package org.virtd.qemu.cgroup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.config.QemuConf;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A guest on a hybrid host: cpuacct and devices in the unified tree, the rest on the v1 mounts. */
class HybridCgroupsTest {
    private static final String GUEST = "machine/qemu-1-tiny.libvirt-qemu";
    private static final String XML = "<domain type='qemu'><name>tiny</name><memory>65536</memory>"
            + "<memtune><hard_limit unit='MiB'>512</hard_limit></memtune>"
            + "<cputune><shares>2048</shares></cputune><os><type>hvm</type></os></domain>";

    @TempDir
    Path root;

    private GuestCgroups cgroups(RecordingDeviceFilters filters) {
        QemuConf d = QemuConf.defaults("test", Path.of("/var/lib/libvirt"));
        return new GuestCgroups(root, root.resolve("proc"), () -> d, filters);
    }

    private DomainCgroup create(GuestCgroups cgroups) throws Exception {
        for (String c : List.of("memory", "cpu")) {
            FakeCgroupFs.populate(Files.createDirectories(root.resolve(c).resolve(GUEST)), false, c);
        }
        DomainDef def = QemuXmlConf.PARSER.parse(XML, false);
        return cgroups.create(1, def);
    }

    @Test
    void guestIsPlacedInBothHierarchies() throws Exception {
        FakeCgroupFs.hybrid(root);
        RecordingDeviceFilters filters = new RecordingDeviceFilters();
        DomainCgroup cg = create(cgroups(filters));
        Path unified = root.resolve("unified").resolve(GUEST);
        assertTrue(cg.dirs().contains(unified), cg.dirs().toString());
        assertTrue(cg.dirs().contains(root.resolve("memory").resolve(GUEST)));
        assertFalse(Files.exists(root.resolve("devices").resolve(GUEST)), "v1 devices is not used");
        assertFalse(Files.exists(root.resolve("cpuacct").resolve(GUEST)), "v1 cpuacct is not used");
        assertNotNull(filters.allowed.get(unified), "the device ACL is a program on the unified group");
        assertEquals("2048", Files.readString(root.resolve("cpu").resolve(GUEST).resolve("cpu.shares")));
        assertEquals(Long.toString(512L << 20),
                Files.readString(root.resolve("memory").resolve(GUEST).resolve("memory.limit_in_bytes")));
        assertEquals("", Files.readString(root.resolve("unified/cgroup.subtree_control")),
                "nothing to enable for cpuacct and devices");
    }

    @Test
    void threadGroupsAreThreadedInTheUnifiedTree() throws Exception {
        FakeCgroupFs.hybrid(root);
        DomainCgroup cg = create(cgroups(new RecordingDeviceFilters()));
        new ThreadCgroups(cg).place("vcpu0", null, 0, 0, List.of(77L));
        Path v2 = root.resolve("unified").resolve(GUEST).resolve("vcpu0");
        assertEquals("threaded", Files.readString(v2.resolve("cgroup.type")));
        assertEquals("77", Files.readString(v2.resolve("cgroup.threads")));
        assertEquals("77", Files.readString(root.resolve("cpu").resolve(GUEST).resolve("vcpu0/tasks")));
        assertEquals("77", Files.readString(root.resolve("cpuset").resolve(GUEST).resolve("vcpu0/tasks")));
    }

    @Test
    void cpuAccountingComesFromCpuStat() throws Exception {
        FakeCgroupFs.hybrid(root);
        DomainCgroup cg = create(cgroups(new RecordingDeviceFilters()));
        FakeCgroupFs.files(root.resolve("unified").resolve(GUEST), Map.of("cpu.stat",
                "usage_usec 1500\nuser_usec 1000\nsystem_usec 500\nnr_periods 0\n"));
        CpuAccounting acct = new CpuAccounting(cg);
        assertEquals(1_500_000L, acct.usage());
        assertArrayEquals(new long[] {1_000_000L, 500_000L}, acct.userSystem());
        VirtException e = assertThrows(VirtException.class, () -> acct.perCpu(new BitSet(), 1));
        assertEquals(ErrorCode.OPERATION_UNSUPPORTED, e.code());
    }

    @Test
    void v1CpuAccountingReadsCpuacctFiles() throws Exception {
        FakeCgroupFs.v1(root);
        DomainCgroup cg = new DomainCgroup(CgroupHost.detect(root), GUEST, List.of("cpuacct"));
        cg.create();
        FakeCgroupFs.files(root.resolve("cpuacct").resolve(GUEST), Map.of("cpuacct.usage", "123456789",
                "cpuacct.stat", "user 7\nsystem 3\n", "cpuacct.usage_percpu", "100 200 "));
        CpuAccounting acct = new CpuAccounting(cg);
        assertEquals(123456789L, acct.usage());
        assertArrayEquals(new long[] {70_000_000L, 30_000_000L}, acct.userSystem(), "USER_HZ ticks");
        BitSet present = new BitSet();
        present.set(0);
        present.set(2);
        assertArrayEquals(new long[] {100, 0, 200}, acct.perCpu(present, 3));
    }

    @Test
    void foundAgainAfterARestartAndRemovedFromBoth() throws Exception {
        FakeCgroupFs.hybrid(root);
        RecordingDeviceFilters filters = new RecordingDeviceFilters();
        create(cgroups(filters));
        new ThreadCgroups(cgroups(filters).at(GUEST)).place("emulator", null, 0, 0, List.of());
        Files.createDirectories(root.resolve("proc/99"));
        Files.writeString(root.resolve("proc/99/cgroup"), "5:devices:/\n4:memory:/" + GUEST + "\n2:cpuacct:/\n"
                + "1:cpu:/" + GUEST + "/emulator\n0::/" + GUEST + "/emulator\n");
        GuestCgroups restarted = cgroups(filters);
        DomainCgroup cg = restarted.find(99);
        assertNotNull(cg);
        assertTrue(cg.exists());
        for (Path d : cg.dirs()) {
            // a real cgroupfs directory goes with its files; the fake one must be emptied first
            try (var files = Files.walk(d)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.delete(f);
                }
            }
        }
        assertTrue(restarted.remove(cg));
        for (String h : List.of("unified", "memory", "cpu", "cpuset", "blkio", "freezer")) {
            assertFalse(Files.exists(root.resolve(h).resolve(GUEST)), h);
        }
    }
}
