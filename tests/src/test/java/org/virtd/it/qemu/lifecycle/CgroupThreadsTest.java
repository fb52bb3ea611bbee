package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.LabQemuConf;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.virtd.it.qemu.lifecycle.CgroupTuningTest.read;
import static org.virtd.it.qemu.lifecycle.CgroupTuningTest.value;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * libvirt's per-thread sub-groups on a real guest (this host's v1 layout): QEMU's vCPU thread
 * sits in {@code vcpu0} and everything else in {@code emulator} (the guest's own group keeps no
 * task), {@code schedinfo --set vcpu_quota/emulator_period} reach those groups' CFS files and read
 * back from them, a vCPU plugged with {@code setvcpus --live} gets its own group with the live
 * quota, a live vcpupin narrows the group's cpuset, a SIGKILLed daemon finds the groups again and
 * destroying the guest removes them before its cgroup.
 */
class CgroupThreadsTest {
    private static final String NAME = "cgthreads";
    private static final Path CPU = Path.of("/sys/fs/cgroup/cpu");
    private static final Path CPUSET = Path.of("/sys/fs/cgroup/cpuset");

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    void threadsLiveInTheirGroupsAndTheGroupsFollowSchedinfo() throws Exception {
        assumeTrue(Files.isRegularFile(CPU.resolve("tasks")) && Files.isWritable(CPU)
                && Files.isRegularFile(CPUSET.resolve("tasks")), "needs writable v1 cpu and cpuset hierarchies");
        LabQemuConf.write(prefix, CgroupTuningTest.ALL_CONTROLLERS);
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, TinyGuest.get().xml(NAME, prefix, 2));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        List<Long> pids = Guests.qemusUnder(prefix);
        assertEquals(1, pids.size(), pids.toString());
        long pid = pids.get(0);
        int id = Integer.parseInt(ok(uri, "domid", NAME).out().strip());
        String group = "machine/qemu-" + id + "-" + NAME + ".libvirt-qemu";
        Path cpu = CPU.resolve(group);

        long vcpu0 = thread(pid, "CPU 0/TCG");
        assertTrue(cgroupOf(pid, vcpu0).contains(":cpu:/" + group + "/vcpu0\n"), cgroupOf(pid, vcpu0));
        assertTrue(cgroupOf(pid, vcpu0).contains(":cpuset:/" + group + "/vcpu0\n"), cgroupOf(pid, vcpu0));
        assertTrue(cgroupOf(pid, pid).contains(":cpu:/" + group + "/emulator\n"), cgroupOf(pid, pid));
        assertTrue(cgroupOf(pid, pid).contains(":memory:/" + group + "\n"), "other controllers keep the guest's group");
        assertEquals("", read(cpu.resolve("tasks")), "no thread is left in the guest's own group");

        ok(uri, "schedinfo", NAME, "--live", "--set", "vcpu_quota=20000");
        assertEquals("20000", read(cpu.resolve("vcpu0/cpu.cfs_quota_us")));
        assertEquals("-1", read(cpu.resolve("cpu.cfs_quota_us")), "the global quota stays");
        ok(uri, "schedinfo", NAME, "--set", "emulator_period=50000", "--set", "emulator_quota=30000");
        assertEquals("50000", read(cpu.resolve("emulator/cpu.cfs_period_us")));
        assertEquals("30000", read(cpu.resolve("emulator/cpu.cfs_quota_us")));
        Files.writeString(cpu.resolve("vcpu0/cpu.cfs_period_us"), "40000");
        String sched = ok(uri, "schedinfo", NAME).out();
        assertEquals("40000", value(sched, "vcpu_period"), "read from the kernel: " + sched);
        assertEquals("20000", value(sched, "vcpu_quota"), sched);
        assertEquals("50000", value(sched, "emulator_period"), sched);
        assertEquals("-1", value(sched, "global_quota"), sched);
        assertEquals("-1", value(sched, "iothread_quota"), "no I/O threads: the guest's own");
        Cli.Result range = Cli.virsh(uri, "schedinfo", NAME, "--live", "--set", "vcpu_quota=5");
        assertTrue(range.err().contains("value of 'vcpu_quota' is out of range [1000, 17592186044415]"), range.all());
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<quota>20000</quota>") && live.contains("<emulator_quota>30000</emulator_quota>"),
                live);
        assertFalse(ok(uri, "dumpxml", "--inactive", NAME).out().contains("<quota>"), "--live leaves the config");

        ok(uri, "setvcpus", NAME, "2", "--live");
        long vcpu1 = thread(pid, "CPU 1/TCG");
        assertTrue(cgroupOf(pid, vcpu1).contains(":cpu:/" + group + "/vcpu1\n"), cgroupOf(pid, vcpu1));
        assertEquals("20000", read(cpu.resolve("vcpu1/cpu.cfs_quota_us")), "a plugged vCPU gets the live quota");

        ok(uri, "vcpupin", NAME, "0", "0", "--live");
        assertEquals("0", read(CPUSET.resolve(group).resolve("vcpu0/cpuset.cpus")));
        ok(uri, "emulatorpin", NAME, "0", "--live");
        assertEquals("0", read(CPUSET.resolve(group).resolve("emulator/cpuset.cpus")));

        daemon.kill();
        daemon.restart();
        uri = daemon.uri();
        assertEquals("20000", value(ok(uri, "schedinfo", NAME).out(), "vcpu_quota"));
        ok(uri, "schedinfo", NAME, "--set", "vcpu_quota=25000");
        assertEquals("25000", read(cpu.resolve("vcpu0/cpu.cfs_quota_us")), "the re-attached guest's groups are found");
        assertEquals("25000", read(cpu.resolve("vcpu1/cpu.cfs_quota_us")), "every vCPU's group");

        ok(uri, "destroy", NAME);
        TinyGuest.await(() -> !Files.exists(cpu) && !Files.exists(CPUSET.resolve(group)), Duration.ofSeconds(15),
                "the guest's groups were not removed");
        ok(uri, "undefine", NAME);
    }

    /** The thread of QEMU {@code pid} named {@code comm} (QEMU names its TCG vCPU threads). */
    private static long thread(long pid, String comm) throws Exception {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                if (read(t.resolve("comm")).equals(comm)) {
                    return Long.parseLong(t.getFileName().toString());
                }
            }
        }
        throw new AssertionError("QEMU " + pid + " has no thread " + comm);
    }

    private static String cgroupOf(long pid, long tid) throws Exception {
        return Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/cgroup"));
    }
}
