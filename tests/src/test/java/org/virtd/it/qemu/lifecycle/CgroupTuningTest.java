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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * A real guest in a cgroup of its own (this host's v1 layout): QEMU's /proc/PID/cgroup names
 * {@code /machine/qemu-ID-NAME.libvirt-qemu}, {@code virsh memtune --hard-limit} moves its memory
 * limit, schedinfo and blkiotune set and read back live and {@code --config}, and after a
 * SIGKILLed daemon comes back the values still read back, tuning still works and destroying the
 * guest removes its cgroup.
 */
class CgroupTuningTest {
    private static final String NAME = "cgtune";
    private static final Path MEMORY = Path.of("/sys/fs/cgroup/memory");
    private static final Path CPU = Path.of("/sys/fs/cgroup/cpu");
    /** The lab configuration's line with every cgroup controller on. */
    static final String ALL_CONTROLLERS = "cgroup_controllers = [ \"cpu\", \"cpuacct\", \"cpuset\", \"memory\","
            + " \"devices\", \"freezer\", \"blkio\" ]\n";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    void guestCgroupFollowsTheTuningCommandsAcrossADaemonRestart() throws Exception {
        assumeTrue(Files.isRegularFile(MEMORY.resolve("cgroup.procs")) && Files.isWritable(MEMORY),
                "needs a writable v1 memory hierarchy");
        // the lab configuration with cgroups on: this test is about them alone
        LabQemuConf.write(prefix, ALL_CONTROLLERS);
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, TinyGuest.get().xml(NAME, prefix));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        List<Long> pids = Guests.qemusUnder(prefix);
        assertEquals(1, pids.size(), pids.toString());
        long pid = pids.get(0);
        int id = Integer.parseInt(ok(uri, "domid", NAME).out().strip());
        String group = "machine/qemu-" + id + "-" + NAME + ".libvirt-qemu";

        String placement = Files.readString(Path.of("/proc/" + pid + "/cgroup"));
        assertTrue(placement.contains(":memory:/" + group + "\n"), placement);
        // QEMU's own threads sit in the guest's emulator group in the CPU hierarchies, as with libvirt
        assertTrue(placement.contains(":cpu:/" + group + "/emulator\n"), placement);
        assertTrue(lines(MEMORY.resolve(group).resolve("cgroup.procs")).contains(Long.toString(pid)));

        ok(uri, "memtune", NAME, "--hard-limit", "524288");
        assertEquals(Long.toString(524288L * 1024), read(MEMORY.resolve(group).resolve("memory.limit_in_bytes")));
        assertEquals("524288", value(ok(uri, "memtune", NAME).out(), "hard_limit"));
        ok(uri, "memtune", NAME, "--config", "--soft-limit", "200000");
        assertEquals("200000", value(ok(uri, "memtune", NAME, "--config").out(), "soft_limit"));
        assertEquals("unlimited", value(ok(uri, "memtune", NAME).out(), "soft_limit"), "live stays");

        ok(uri, "schedinfo", NAME, "--set", "cpu_shares=512");
        assertEquals("512", read(CPU.resolve(group).resolve("cpu.shares")));
        ok(uri, "schedinfo", NAME, "--set", "global_quota=50000");
        assertEquals("50000", read(CPU.resolve(group).resolve("cpu.cfs_quota_us")));
        String sched = ok(uri, "schedinfo", NAME).out();
        assertEquals("512", value(sched, "cpu_shares"), sched);
        assertEquals("50000", value(sched, "global_quota"), sched);
        ok(uri, "schedinfo", NAME, "--config", "--set", "cpu_shares=300");
        assertEquals("300", value(ok(uri, "schedinfo", NAME, "--config").out(), "cpu_shares"));

        ok(uri, "blkiotune", NAME, "--config", "--weight", "500");
        assertEquals("500", value(ok(uri, "blkiotune", NAME, "--config").out(), "weight"));
        Cli.Result liveBlkio = Cli.virsh(uri, "blkiotune", NAME);
        // without the bfq/cfq scheduler the kernel has no weight file, and libvirt says so
        assertTrue(liveBlkio.exit() == 0 || liveBlkio.err().contains("valid only for bfq or cfq scheduler"),
                liveBlkio.err());

        daemon.kill();
        daemon.restart();
        uri = daemon.uri();
        assertEquals("524288", value(ok(uri, "memtune", NAME).out(), "hard_limit"));
        assertEquals("512", value(ok(uri, "schedinfo", NAME).out(), "cpu_shares"));
        assertEquals("200000", value(ok(uri, "memtune", NAME, "--config").out(), "soft_limit"));
        ok(uri, "memtune", NAME, "--hard-limit", "600000");
        assertEquals(Long.toString(600000L * 1024), read(MEMORY.resolve(group).resolve("memory.limit_in_bytes")),
                "the re-attached guest is still tuned through its cgroup");

        ok(uri, "destroy", NAME);
        TinyGuest.await(() -> !Files.exists(MEMORY.resolve(group)) && !Files.exists(CPU.resolve(group)),
                Duration.ofSeconds(15), "the guest's cgroup was not removed");
        // this host's block layer has no weights, so a persistent <blkiotune> weight fails a start
        // as with libvirtd; without it the persistent <cputune> is applied
        Cli.Result refused = Cli.virsh(uri, "start", NAME);
        if (refused.exit() != 0) {
            assertTrue(refused.err().contains("blkio device weight is valid only for bfq or cfq scheduler"),
                    refused.err());
            String inactive = ok(uri, "dumpxml", "--inactive", NAME).out();
            Files.writeString(xml, inactive.replaceAll("(?s)\\s*<blkiotune>.*</blkiotune>", ""));
            ok(uri, "define", xml.toString());
            ok(uri, "start", NAME);
        }
        int id2 = Integer.parseInt(ok(uri, "domid", NAME).out().strip());
        String group2 = "machine/qemu-" + id2 + "-" + NAME + ".libvirt-qemu";
        assertEquals(Long.toString(300), read(CPU.resolve(group2).resolve("cpu.shares")),
                "a start applies the persistent <cputune>");
        ok(uri, "destroy", NAME);
        TinyGuest.await(() -> !Files.exists(CPU.resolve(group2)), Duration.ofSeconds(15),
                "the second run's cgroup was not removed");
        ok(uri, "undefine", NAME);
    }

    static String read(Path p) throws Exception {
        return Files.readString(p).strip();
    }

    private static List<String> lines(Path p) throws Exception {
        return Files.readAllLines(p);
    }

    /** The value virsh prints for {@code name} in its "name : value" table. */
    static String value(String out, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s*:\\s*(\\S+)").matcher(out);
        assertTrue(m.find(), name + " missing in: " + out);
        return m.group(1);
    }
}
