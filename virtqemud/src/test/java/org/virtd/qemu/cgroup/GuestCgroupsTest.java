package org.virtd.qemu.cgroup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.config.QemuConf;
import org.virtd.qemu.domain.QemuXmlConf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestCgroupsTest {
    private static final String XML = "<domain type='qemu'><name>tiny</name><memory>65536</memory>"
            + "<memtune><hard_limit unit='MiB'>512</hard_limit><soft_limit>262144</soft_limit></memtune>"
            + "<cputune><shares>2048</shares><global_quota>50000</global_quota></cputune>"
            + "<os><type>hvm</type></os></domain>";
    private static final String GUEST = "machine/qemu-1-tiny.libvirt-qemu";

    @TempDir
    Path root;

    private static QemuConf conf(List<String> controllers) {
        QemuConf d = QemuConf.defaults("test", Path.of("/var/lib/libvirt"));
        return new QemuConf(d.source(), d.user(), d.group(), d.securityDrivers(), d.vncListen(),
                d.vncAutoUnixSocket(), d.spiceListen(), d.stdioHandler(), d.maxProcesses(), d.maxFiles(),
                d.saveImageFormat(), d.dumpImageFormat(), d.autoDumpPath(), d.autoStartBypassCache(),
                d.setProcessName(), d.logTimestamp(), d.nvram(), d.confinement(),
                new QemuConf.Cgroups(controllers, QemuConf.Cgroups.DEFAULT_ACL));
    }

    private static DomainDef def() throws Exception {
        return QemuXmlConf.PARSER.parse(XML, false);
    }

    /** Stands in for the kernel: the guest directories with the files a new cgroup has. */
    private void prepopulate(boolean v2) throws Exception {
        if (v2) {
            Path dir = Files.createDirectories(root.resolve(GUEST));
            FakeCgroupFs.populate(dir, true, null);
            return;
        }
        for (String c : CgroupHost.CONTROLLERS) {
            Path dir = Files.createDirectories(root.resolve(c).resolve(GUEST));
            FakeCgroupFs.populate(dir, false, c);
        }
    }

    @Test
    void v1GuestGetsItsCgroupTuned() throws Exception {
        FakeCgroupFs.v1(root);
        prepopulate(false);
        GuestCgroups cgroups = new GuestCgroups(root, root.resolve("proc"), () -> conf(QemuConf.Cgroups.KNOWN));
        DomainCgroup cg = cgroups.create(1, def());
        assertNotNull(cg);
        assertEquals("/" + GUEST, cg.path());
        Path mem = root.resolve("memory").resolve(GUEST);
        assertEquals(Long.toString(512L << 20), Files.readString(mem.resolve("memory.limit_in_bytes")));
        assertEquals(Long.toString(262144L << 10), Files.readString(mem.resolve("memory.soft_limit_in_bytes")));
        assertEquals("-1", Files.readString(mem.resolve("memory.memsw.limit_in_bytes")));
        Path cpu = root.resolve("cpu").resolve(GUEST);
        assertEquals("2048", Files.readString(cpu.resolve("cpu.shares")));
        assertEquals("50000", Files.readString(cpu.resolve("cpu.cfs_quota_us")));
        assertEquals("a", Files.readString(root.resolve("devices").resolve(GUEST).resolve("devices.deny")));
        CgroupTuning tuning = new CgroupTuning(cg);
        assertEquals(524288L, tuning.memory().hardLimitKiB());
        assertNull(tuning.memory().swapHardLimitKiB(), "unlimited");
        assertEquals(2048, tuning.shares());
        assertEquals(100000, tuning.bandwidth()[0]);
    }

    @Test
    void v1CpusetChildInheritsCpusAndMems() throws Exception {
        FakeCgroupFs.v1(root);
        DomainCgroup cg = new DomainCgroup(CgroupHost.detect(root), GUEST, List.of("cpuset"));
        Files.createDirectories(root.resolve("cpuset/machine"));
        Files.writeString(root.resolve("cpuset/machine/cpuset.cpus"), "");
        Files.writeString(root.resolve("cpuset/machine/cpuset.mems"), "");
        cg.create();
        assertEquals("0-1", Files.readString(root.resolve("cpuset/machine/cpuset.cpus")));
        assertEquals("0", Files.readString(root.resolve("cpuset/machine/cpuset.mems")));
        assertTrue(Files.isDirectory(root.resolve("cpuset").resolve(GUEST)));
    }

    @Test
    void v2GuestUsesTheUnifiedFiles() throws Exception {
        FakeCgroupFs.v2(root);
        prepopulate(true);
        GuestCgroups cgroups = new GuestCgroups(root, root.resolve("proc"), () -> conf(QemuConf.Cgroups.KNOWN));
        DomainCgroup cg = cgroups.create(1, def());
        Path dir = root.resolve(GUEST);
        assertEquals(List.of(dir), cg.dirs());
        assertEquals(Long.toString(512L << 20), Files.readString(dir.resolve("memory.max")));
        assertEquals(Long.toString(262144L << 10), Files.readString(dir.resolve("memory.high")));
        assertEquals("2048", Files.readString(dir.resolve("cpu.weight")));
        assertEquals("50000 100000", Files.readString(dir.resolve("cpu.max")));
        assertTrue(Files.readString(root.resolve("cgroup.subtree_control")).startsWith("+"),
                "the controllers are enabled for the partition");
        CgroupTuning tuning = new CgroupTuning(cg);
        assertEquals(524288L, tuning.memory().hardLimitKiB());
        assertEquals(50000, tuning.bandwidth()[1]);
        tuning.setBandwidth(0, -1);
        assertEquals("max 100000", Files.readString(dir.resolve("cpu.max")));
    }

    @Test
    void v2GuestGetsTheDeviceAclAsAFilter() throws Exception {
        FakeCgroupFs.v2(root);
        prepopulate(true);
        RecordingDeviceFilters filters = new RecordingDeviceFilters();
        GuestCgroups cgroups = new GuestCgroups(root, root.resolve("proc"), () -> conf(QemuConf.Cgroups.KNOWN), filters);
        assertTrue(cgroups.controllers().contains("devices"));
        DomainCgroup cg = cgroups.create(1, def());
        List<String> rules = filters.allowed.get(root.resolve(GUEST));
        assertEquals(DeviceAcl.rules(QemuConf.Cgroups.DEFAULT_ACL, List.of()), rules, "the same list as v1");
        assertTrue(rules.contains("c 1:3 rw") && rules.contains("c 136:* rw"), rules.toString());
        assertFalse(Files.exists(root.resolve(GUEST).resolve("devices.deny")), "no v1 files");

        cgroups.allowDevice(cg, "/dev/tty", true);
        assertEquals("c 5:0 r", rules.get(rules.size() - 1));
        cgroups.denyDevice(cg, "/dev/tty");
        cgroups.allowDevice(cg, "/etc/hostname", false);
        assertEquals(DeviceAcl.rules(QemuConf.Cgroups.DEFAULT_ACL, List.of()), rules, "a plain file is no device");
    }

    @Test
    void v2HostWhoseKernelRefusesDeviceProgramsHasNoDevicesController() throws Exception {
        FakeCgroupFs.v2(root);
        GuestCgroups cgroups = new GuestCgroups(root, root.resolve("proc"), () -> conf(QemuConf.Cgroups.KNOWN));
        assertFalse(cgroups.controllers().contains("devices"), "a temporary directory is no cgroup to attach to");
        assertTrue(cgroups.controllers().contains("memory"));
    }

    @Test
    void v1HotplugWritesAllowAndDeny() throws Exception {
        FakeCgroupFs.v1(root);
        prepopulate(false);
        GuestCgroups cgroups = new GuestCgroups(root, root.resolve("proc"), () -> conf(QemuConf.Cgroups.KNOWN));
        DomainCgroup cg = cgroups.create(1, def());
        Path devices = root.resolve("devices").resolve(GUEST);
        cgroups.allowDevice(cg, "/dev/full", false);
        assertEquals("c 1:7 rw", Files.readString(devices.resolve("devices.allow")));
        cgroups.denyDevice(cg, "/dev/full");
        assertEquals("c 1:7 rwm", Files.readString(devices.resolve("devices.deny")));
    }

    @Test
    void emptyControllerListMeansNoCgroup() throws Exception {
        FakeCgroupFs.v1(root);
        GuestCgroups cgroups = new GuestCgroups(root, root.resolve("proc"), () -> conf(List.of()));
        assertNull(cgroups.create(1, def()));
        assertFalse(Files.exists(root.resolve("memory/machine")));
        assertNull(cgroups.find(1));
    }

    @Test
    void onlyTheConfiguredControllersAreUsed() throws Exception {
        FakeCgroupFs.v1(root);
        GuestCgroups cgroups = new GuestCgroups(root, root.resolve("proc"), () -> conf(List.of("cpu", "net_cls")));
        assertEquals(List.of("cpu"), cgroups.controllers());
    }

    @Test
    void findsAndRemovesTheCgroupOfARunningQemu() throws Exception {
        FakeCgroupFs.v1(root);
        Files.createDirectories(root.resolve("proc/99"));
        Files.writeString(root.resolve("proc/99/cgroup"), "4:memory:/" + GUEST + "\n");
        GuestCgroups cgroups = new GuestCgroups(root, root.resolve("proc"), () -> conf(List.of("memory", "cpu")));
        DomainCgroup cg = cgroups.find(99);
        assertNotNull(cg);
        cg.create();
        assertTrue(Files.isDirectory(root.resolve("memory").resolve(GUEST)));
        assertTrue(cgroups.remove(cg));
        assertFalse(Files.exists(root.resolve("memory").resolve(GUEST)));
        assertFalse(Files.exists(root.resolve("cpu").resolve(GUEST)));
        assertTrue(Files.isDirectory(root.resolve("memory/machine")), "the partition stays");
    }

    @Test
    void joinCommandPutsTheProcessInBeforeItExecs() throws Exception {
        FakeCgroupFs.v1(root);
        DomainCgroup cg = new DomainCgroup(CgroupHost.detect(root), GUEST, List.of("memory", "cpu"));
        cg.create();
        List<String> cmd = new ArrayList<>(cg.joinCommand());
        cmd.addAll(List.of("/bin/sh", "-c", "echo $$"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        String printed = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.exitValue(), printed);
        assertEquals(Long.toString(p.pid()), printed, "exec keeps the pid");
        for (String c : List.of("memory", "cpu")) {
            assertEquals(printed, Files.readString(root.resolve(c).resolve(GUEST).resolve("cgroup.procs")).strip());
        }
    }

    @Test
    void joinFailsWhenTheCgroupIsGone() throws Exception {
        FakeCgroupFs.v1(root);
        DomainCgroup cg = new DomainCgroup(CgroupHost.detect(root), GUEST, List.of("memory"));
        List<String> cmd = new ArrayList<>(cg.joinCommand());
        cmd.add("/bin/true");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(126, p.exitValue());
    }
}
