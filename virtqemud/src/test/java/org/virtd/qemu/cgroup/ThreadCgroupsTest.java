package org.virtd.qemu.cgroup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.CpuSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadCgroupsTest {
    private static final String GUEST = "machine/qemu-1-tiny.libvirt-qemu";
    private static final List<String> ALL = List.of("cpu", "cpuacct", "cpuset", "memory", "devices");

    @TempDir
    Path root;

    private DomainCgroup guest(List<String> controllers) throws Exception {
        DomainCgroup cg = new DomainCgroup(CgroupHost.detect(root, dir -> true), GUEST, controllers);
        cg.create();
        return cg;
    }

    @Test
    void v1GroupsLiveInTheCpuHierarchiesOnly() throws Exception {
        FakeCgroupFs.v1(root);
        DomainCgroup cg = guest(ALL);
        FakeCgroupFs.files(root.resolve("cpuset").resolve(GUEST), java.util.Map.of("cpuset.cpus", "0-1",
                "cpuset.mems", "0"));
        ThreadCgroups groups = new ThreadCgroups(cg);
        assertTrue(groups.enabled());
        Path cpu = root.resolve("cpu").resolve(GUEST).resolve("vcpu0");
        Path cpuset = root.resolve("cpuset").resolve(GUEST).resolve("vcpu0");
        Files.createDirectories(cpuset);
        FakeCgroupFs.files(cpuset, java.util.Map.of("cpuset.cpus", "", "cpuset.mems", ""));
        groups.place("vcpu0", CpuSet.parse("1"), 50000, 20000, List.of(4242L));
        assertEquals("50000", Files.readString(cpu.resolve("cpu.cfs_period_us")));
        assertEquals("20000", Files.readString(cpu.resolve("cpu.cfs_quota_us")));
        assertEquals("4242", Files.readString(cpu.resolve("tasks")));
        assertEquals("1", Files.readString(cpuset.resolve("cpuset.cpus")));
        assertEquals("0", Files.readString(cpuset.resolve("cpuset.mems")), "a v1 cpuset child inherits its mems");
        assertEquals("4242", Files.readString(root.resolve("cpuacct").resolve(GUEST).resolve("vcpu0/tasks")));
        assertFalse(Files.exists(root.resolve("memory").resolve(GUEST).resolve("vcpu0")));
        assertFalse(Files.exists(root.resolve("devices").resolve(GUEST).resolve("vcpu0")));
    }

    @Test
    void groupsAreFoundByNameInNumberOrderAndReadBack() throws Exception {
        FakeCgroupFs.v1(root);
        DomainCgroup cg = guest(List.of("cpu"));
        FakeCgroupFs.populate(root.resolve("cpu").resolve(GUEST), false, "cpu");
        ThreadCgroups groups = new ThreadCgroups(cg);
        assertArrayEquals(new long[] {100000, -1}, groups.bandwidth(ThreadCgroups.IOTHREAD),
                "without I/O threads: the guest's own");
        for (String n : List.of("vcpu10", "vcpu2", "emulator", "vcpux")) {
            groups.place(n, null, 0, 0, List.of());
            FakeCgroupFs.populate(root.resolve("cpu").resolve(GUEST).resolve(n), false, "cpu");
        }
        assertEquals(List.of("vcpu2", "vcpu10"), groups.groups(ThreadCgroups.VCPU));
        assertEquals(List.of("emulator"), groups.groups(ThreadCgroups.EMULATOR));
        groups.setBandwidth(ThreadCgroups.VCPU, 0, 30000);
        assertEquals("30000", Files.readString(root.resolve("cpu").resolve(GUEST).resolve("vcpu10/cpu.cfs_quota_us")));
        assertArrayEquals(new long[] {100000, 30000}, groups.bandwidth(ThreadCgroups.VCPU));
        assertArrayEquals(new long[] {100000, -1}, groups.bandwidth(ThreadCgroups.EMULATOR));
        assertEquals("-1", Files.readString(root.resolve("cpu").resolve(GUEST).resolve("cpu.cfs_quota_us")),
                "the guest's own bandwidth is not touched");
    }

    @Test
    void removalTakesTheChildrenFirst() throws Exception {
        FakeCgroupFs.v1(root);
        DomainCgroup cg = guest(List.of("cpu", "memory"));
        ThreadCgroups groups = new ThreadCgroups(cg);
        groups.place("emulator", null, 0, 0, List.of());
        groups.place("vcpu0", null, 0, 0, List.of());
        assertTrue(groups.remove("vcpu0", 0));
        assertEquals(List.of("emulator"), groups.groups(ThreadCgroups.EMULATOR));
        assertEquals(List.of(), groups.groups(ThreadCgroups.VCPU));
        assertTrue(cg.remove(0));
        assertFalse(Files.exists(root.resolve("cpu").resolve(GUEST)));
        assertFalse(Files.exists(root.resolve("memory").resolve(GUEST)));
    }

    @Test
    void v2GroupsAreThreadedAndGetTheCpuControllers() throws Exception {
        FakeCgroupFs.v2(root);
        DomainCgroup cg = guest(ALL);
        FakeCgroupFs.populate(root.resolve(GUEST), true, null);
        ThreadCgroups groups = new ThreadCgroups(cg);
        Path dir = root.resolve(GUEST).resolve("emulator");
        Files.createDirectories(dir);
        FakeCgroupFs.files(dir, java.util.Map.of("cgroup.type", "domain", "cpu.max", "max 100000"));
        groups.place("emulator", CpuSet.parse("0"), 0, 25000, List.of(7L));
        assertEquals("threaded", Files.readString(dir.resolve("cgroup.type")));
        assertEquals("25000 100000", Files.readString(dir.resolve("cpu.max")));
        assertEquals("0", Files.readString(dir.resolve("cpuset.cpus")));
        assertEquals("7", Files.readString(dir.resolve("cgroup.threads")));
        assertTrue(Files.readString(root.resolve(GUEST).resolve("cgroup.subtree_control")).startsWith("+"),
                "the guest's cgroup hands the CPU controllers to its threads' groups");
        assertArrayEquals(new long[] {100000, 25000}, groups.bandwidth(ThreadCgroups.EMULATOR));
    }

    @Test
    void aGuestWithoutCpuControllersHasNoGroups() throws Exception {
        FakeCgroupFs.v1(root);
        ThreadCgroups groups = new ThreadCgroups(guest(List.of("memory")));
        assertFalse(groups.enabled());
        groups.place("vcpu0", null, 1000, 1000, List.of(1L));
        assertFalse(Files.exists(root.resolve("memory").resolve(GUEST).resolve("vcpu0")));
        assertEquals(List.of(), groups.groups(ThreadCgroups.VCPU));
    }

    @Test
    void bandwidthWithoutTheCpuControllerFailsAStart() throws Exception {
        FakeCgroupFs.v1(root);
        org.virtd.conf.domain.CpuTune quota = org.virtd.conf.domain.CpuTune.NONE.withBandwidth("emulator_quota", 5000);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.virtd.rpc.error.VirtException.class,
                () -> CgroupTuning.requireCpuForBandwidth(guest(List.of("cpuset")), quota));
        assertTrue(e.getMessage().endsWith("cgroup cpu is required for scheduler tuning"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(org.virtd.rpc.error.VirtException.class,
                () -> CgroupTuning.requireCpuForBandwidth(null, quota));
        CgroupTuning.requireCpuForBandwidth(guest(List.of("cpu")), quota);
        CgroupTuning.requireCpuForBandwidth(null,
                org.virtd.conf.domain.CpuTune.NONE.withBandwidth("iothread_quota", 5000).withShares(300L));
    }
}
