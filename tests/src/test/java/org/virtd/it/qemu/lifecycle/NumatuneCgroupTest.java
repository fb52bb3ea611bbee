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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * {@code <numatune>} with the cpuset controller on (this host's v1 layout, one NUMA node): a
 * restrictive guest's cgroup holds its nodes in {@code cpuset.mems} with memory migration on,
 * QEMU gets no policy of its own and the kernel confines it to those nodes; {@code virsh numatune
 * --live} moves the nodes through the cgroup and refuses what libvirtd 9.0 refuses (a mode
 * change, a node the host lacks, a strict guest's nodes). A strict guest gets QEMU's bind policy.
 */
class NumatuneCgroupTest {
    private static final String NAME = "cgnuma";
    private static final Path CPUSET = Path.of("/sys/fs/cgroup/cpuset");

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    void cpusetMemsFollowNumatune() throws Exception {
        assumeTrue(Files.isRegularFile(CPUSET.resolve("cpuset.mems")) && Files.isWritable(CPUSET),
                "needs a writable v1 cpuset hierarchy");
        LabQemuConf.write(prefix, "cgroup_controllers = [ \"cpu\", \"cpuacct\", \"cpuset\", \"memory\", \"devices\","
                + " \"freezer\", \"blkio\" ]\n");
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, TinyGuest.get().xml(NAME, prefix).replaceFirst("</vcpu>",
                "</vcpu><numatune><memory mode='restrictive' nodeset='0'/></numatune>"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        List<Long> pids = Guests.qemusUnder(prefix);
        assertEquals(1, pids.size(), pids.toString());
        long pid = pids.get(0);
        Path group = CPUSET.resolve("machine/qemu-" + ok(uri, "domid", NAME).out().strip() + "-" + NAME
                + ".libvirt-qemu");
        // QEMU's main thread sits in the guest's emulator group, as under libvirtd
        assertTrue(Files.readString(Path.of("/proc/" + pid + "/cgroup")).contains(":cpuset:/" + CPUSET.relativize(group)
                + "/emulator\n"));
        assertEquals("0", read(group.resolve("cpuset.mems")));
        assertEquals("1", read(group.resolve("cpuset.memory_migrate")));
        assertTrue(Files.readString(Path.of("/proc/" + pid + "/status")).contains("Mems_allowed_list:\t0\n"));
        assertFalse(Files.readString(Path.of("/proc/" + pid + "/cmdline")).contains("host-nodes"),
                "restrictive mode is the cgroup's alone");

        String now = ok(uri, "numatune", NAME).out();
        assertTrue(now.contains("numa_mode      : restrictive") && now.contains("numa_nodeset   : 0"), now);
        ok(uri, "numatune", NAME, "--live", "--nodeset", "0");
        assertEquals("0", read(group.resolve("cpuset.mems")));
        refused(uri, "can't change numatune mode for running domain", "--live", "--mode", "strict");
        if (!Files.isDirectory(Path.of("/sys/devices/system/node/node1"))) {
            refused(uri, "NUMA node 1 is unavailable", "--live", "--nodeset", "0-1");
            assertEquals("0", read(group.resolve("cpuset.mems")), "a refused change leaves the cgroup");
        }
        ok(uri, "destroy", NAME);
        TinyGuest.await(() -> !Files.exists(group), Duration.ofSeconds(15), "the guest's cgroup was not removed");

        // strict: QEMU binds its RAM to the nodes, which then stay as they are
        ok(uri, "numatune", NAME, "--config", "--mode", "strict");
        ok(uri, "start", NAME);
        long strictPid = Guests.qemusUnder(prefix).get(0);
        assertNotEquals(pid, strictPid);
        String cmdline = Files.readString(Path.of("/proc/" + strictPid + "/cmdline"));
        assertTrue(cmdline.contains("\"host-nodes\":[0],\"policy\":\"bind\""), cmdline);
        assertTrue(cmdline.contains("memory-backend=pc.ram"), cmdline);
        refused(uri, "change of nodeset for running domain requires restrictive numa mode", "--live", "--nodeset", "0");
        ok(uri, "destroy", NAME);
        ok(uri, "undefine", NAME);
    }

    private static void refused(String uri, String message, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "numatune";
        all[1] = NAME;
        System.arraycopy(args, 0, all, 2, args.length);
        Cli.Result r = Cli.virsh(uri, all);
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains(message), r.err());
    }

    private static String read(Path p) throws Exception {
        return Files.readString(p).strip();
    }
}
