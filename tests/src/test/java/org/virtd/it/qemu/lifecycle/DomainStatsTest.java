package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * Issue 10's statistics on a running tiny guest with an 8 MiB raw disk of known bytes, two
 * vCPUs and a balloon, through real virsh and python-libvirt: domblkstat, dommemstat and
 * domstats with libvirt's field names and counters that move (the firmware reads the disk's
 * boot sector at every reset; CPU times grow), blockPeek of 4 MiB equal to the image,
 * memoryPeek, the balloon's statistics period, vcpuinfo and vcpupin/emulatorpin read back live
 * and in the config, the job and control answers, and libvirt's errors for inactive domains,
 * unknown devices and read-only connections.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DomainStatsTest {
    private static final String NAME = "statsguest";
    private static final String OFF = "statsoff";
    private static final int DISK_BYTES = 8 << 20;

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static TinyGuest guest;
    static String uri;
    static Path disk;

    @BeforeAll
    static void start() throws Exception {
        guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        disk = prefix.resolve("disk.img");
        byte[] bytes = new byte[DISK_BYTES];
        new Random(10).nextBytes(bytes);
        Files.write(disk, bytes);
        ok(uri, "define", xml(NAME, true).toString());
        ok(uri, "define", xml(OFF, false).toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    /** The tiny guest with two vCPUs, the disk (read-only for the second domain) and a balloon. */
    private static Path xml(String name, boolean writable) throws Exception {
        String disk = "    <disk type='file' device='disk'>\n"
                + "      <driver name='qemu' type='raw'/>\n"
                + "      <source file='" + DomainStatsTest.disk + "'/>\n"
                + "      <target dev='vda' bus='virtio'/>\n"
                + (writable ? "" : "      <readonly/>\n")
                + "    </disk>\n";
        String text = guest.xml(name, prefix).replace("<vcpu>1</vcpu>", "<vcpu>2</vcpu>")
                .replace("    <serial type='pty'>", disk + "    <serial type='pty'>");
        Path f = prefix.resolve(name + ".xml");
        Files.writeString(f, text);
        return f;
    }

    /** {@code key value} lines of virsh output (domblkstat, dommemstat, domstats) in order. */
    private static Map<String, String> fields(String out, String separator) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String l = line.trim();
            int at = l.lastIndexOf(separator);
            if (at > 0 && !l.startsWith("Domain:")) {
                m.put(l.substring(0, at).trim(), l.substring(at + separator.length()).trim());
            }
        }
        return m;
    }

    private static String python(String body) throws Exception {
        String script = "import libvirt, sys, hashlib\n"
                + "libvirt.registerErrorHandler(lambda c, e: None, None)\n"
                + "conn = libvirt.open(sys.argv[1])\n"
                + "d = conn.lookupByName(sys.argv[2])\n"
                + "def err(f):\n"
                + "    try:\n"
                + "        f()\n"
                + "        return 'ok'\n"
                + "    except libvirt.libvirtError as e:\n"
                + "        return '%d/%d %s' % (e.get_error_code(), e.get_error_domain(), e.get_error_message())\n"
                + body;
        Cli.Result r = Cli.python(script, uri, NAME);
        assertEquals(0, r.exit(), r.all());
        return r.out();
    }

    @Test
    @Order(1)
    void blockStatsHaveLibvirtsFieldsAndMoveOnReset() throws Exception {
        Map<String, String> before = fields(ok(uri, "domblkstat", NAME, "vda").out(), " ");
        assertEquals(List.of("vda rd_req", "vda rd_bytes", "vda wr_req", "vda wr_bytes", "vda flush_operations",
                "vda rd_total_times", "vda wr_total_times", "vda flush_total_times"), List.copyOf(before.keySet()));
        long reads = Long.parseLong(before.get("vda rd_req"));
        assertTrue(reads >= 1, "the firmware read the boot sector: " + before);
        ok(uri, "reset", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(30));
        TinyGuest.await(() -> {
            try {
                return Long.parseLong(fields(Guests.ok(uri, "domblkstat", NAME, "vda").out(), " ")
                        .get("vda rd_req")) > reads;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(20), "rd_req did not grow after a reset");
        Cli.Result human = ok(uri, "domblkstat", NAME, "vda", "--human");
        assertTrue(human.out().startsWith("Device: vda\n number of read operations:"), human.out());
        Cli.Result total = ok(uri, "domblkstat", NAME);
        assertTrue(total.out().startsWith(" rd_req "), total.out());
        Cli.Result bad = Cli.virsh(uri, "domblkstat", NAME, "vdz");
        assertEquals("error: invalid argument: invalid path: vdz", bad.err().trim());
        Cli.Result info = ok(uri, "domblkinfo", NAME, "vda");
        assertEquals(Map.of("Capacity", "8388608", "Allocation", "8388608", "Physical", "8388608"),
                fields(info.out(), ":"));
    }

    @Test
    @Order(2)
    void memoryStatsAndDomstatsReportMovingCounters() throws Exception {
        Map<String, String> mem = fields(ok(uri, "dommemstat", NAME).out(), " ");
        assertEquals(List.of("actual", "last_update", "rss"), List.copyOf(mem.keySet()));
        assertEquals("131072", mem.get("actual"));
        assertTrue(Long.parseLong(mem.get("rss")) > 0, mem.toString());
        ok(uri, "dommemstat", NAME, "--period", "2", "--live");
        assertTrue(ok(uri, "dumpxml", NAME).out().contains("<memballoon model='virtio'>\n      <stats period='2'/>"));
        ok(uri, "dommemstat", NAME, "--period", "5", "--config");
        assertTrue(ok(uri, "dumpxml", "--inactive", NAME).out().contains("<stats period='5'/>"));
        Cli.Result monitor = ok(uri, "qemu-monitor-command", NAME, "{\"execute\":\"qom-get\",\"arguments\":"
                + "{\"path\":\"/machine/peripheral/balloon0\",\"property\":\"guest-stats-polling-interval\"}}");
        assertTrue(monitor.out().startsWith("{\"return\":2,"), monitor.out());
        Map<String, String> first = fields(ok(uri, "domstats", NAME).out(), "=");
        List<String> expected = new ArrayList<>(List.of("state.state", "state.reason", "cpu.time", "cpu.user",
                "cpu.system", "cpu.cache.monitor.count", "cpu.haltpoll.success.time", "cpu.haltpoll.fail.time",
                "balloon.current", "balloon.maximum", "balloon.last-update", "balloon.rss", "vcpu.current",
                "vcpu.maximum"));
        for (int i = 0; i < 2; i++) {
            for (String f : List.of("state", "time", "wait", "delay")) {
                expected.add("vcpu." + i + "." + f);
            }
        }
        expected.addAll(List.of("net.count", "block.count", "block.0.name", "block.0.path", "block.0.backingIndex",
                "block.0.rd.reqs", "block.0.rd.bytes", "block.0.rd.times", "block.0.wr.reqs", "block.0.wr.bytes",
                "block.0.wr.times", "block.0.fl.reqs", "block.0.fl.times", "block.0.allocation", "block.0.capacity",
                "block.0.physical", "dirtyrate.calc_status", "dirtyrate.calc_start_time", "dirtyrate.calc_period",
                "dirtyrate.calc_mode"));
        assertEquals(expected, List.copyOf(first.keySet()));
        assertEquals("1", first.get("state.state"));
        assertEquals("vda", first.get("block.0.name"));
        assertEquals(disk.toString(), first.get("block.0.path"));
        Thread.sleep(1500);
        Map<String, String> second = fields(ok(uri, "domstats", NAME, "--cpu-total", "--vcpu").out(), "=");
        assertTrue(Long.parseLong(second.get("cpu.time")) > Long.parseLong(first.get("cpu.time")),
                first.get("cpu.time") + " then " + second.get("cpu.time"));
        Map<String, String> off = fields(ok(uri, "domstats", "--list-inactive").out(), "=");
        assertEquals(List.of("state.state", "state.reason", "cpu.time", "cpu.user", "cpu.system", "balloon.current",
                "balloon.maximum", "vcpu.current", "vcpu.maximum", "block.count", "block.0.name", "block.0.path",
                "block.0.allocation", "block.0.capacity", "block.0.physical"), List.copyOf(off.keySet()));
        Cli.Result state = ok(uri, "domstats", "--state", "--list-active");
        assertEquals("Domain: '" + NAME + "'\n  state.state=1\n  state.reason=1\n\n", state.out());
        String enforce = python("print(err(lambda: conn.getAllDomainStats(1 << 20, "
                + "libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS)))\n");
        assertEquals("74/10 argument unsupported: Stats types bits 0x100000 are not supported by this daemon or QEMU\n",
                enforce);
    }

    @Test
    @Order(3)
    void blockPeekOfFourMebibytesEqualsTheImage() throws Exception {
        String out = python("h = hashlib.sha256()\n"
                + "for off in range(0, 4 << 20, 1 << 20):\n"
                + "    h.update(d.blockPeek('vda', off, 1 << 20))\n"
                + "print(h.hexdigest())\n"
                + "print(len(d.blockPeek('vda', 0, 4 << 20)))\n"
                + "print(err(lambda: d.blockPeek('vda', (8 << 20) - 8, 16)))\n"
                + "print(err(lambda: d.blockPeek('vdz', 0, 16)))\n");
        byte[] first = new byte[4 << 20];
        System.arraycopy(Files.readAllBytes(disk), 0, first, 0, first.length);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first));
        assertEquals(sha + "\n4194304\n"
                + "8/10 invalid argument: 'vda' starting from 8388600 has only 8 bytes available\n"
                + "8/10 invalid argument: disk 'vdz' not found in domain\n", out);
    }

    @Test
    @Order(4)
    void memoryPeekReadsGuestMemory() throws Exception {
        String out = python("a = d.memoryPeek(0xf0000, 4096, libvirt.VIR_MEMORY_PHYSICAL)\n"
                + "b = d.memoryPeek(0xf0000, 4096, libvirt.VIR_MEMORY_PHYSICAL)\n"
                + "print(len(a), a == b, a != bytes(4096))\n"
                + "print(err(lambda: d.memoryPeek(0, 16, 0)))\n");
        assertEquals("4096 True True\n"
                + "8/10 invalid argument: flags parameter must be VIR_MEMORY_VIRTUAL or VIR_MEMORY_PHYSICAL\n", out);
    }

    @Test
    @Order(5)
    void vcpuPinningReadsBackLiveAndInTheConfig() throws Exception {
        ok(uri, "vcpupin", NAME, "1", "0");
        String live = ok(uri, "vcpupin", NAME).out();
        assertTrue(live.matches("(?s).*\\n 1\\s+0\\n.*"), live);
        String vcpuinfo = ok(uri, "vcpuinfo", NAME).out();
        assertTrue(vcpuinfo.matches("(?s)VCPU:\\s+0\\n.*VCPU:\\s+1\\n.*CPU Affinity:\\s+y-*\\n.*"), vcpuinfo);
        ok(uri, "vcpupin", NAME, "0", "0", "--config");
        String config = ok(uri, "vcpupin", NAME, "--config").out();
        assertTrue(config.matches("(?s).*\\n 0\\s+0\\n.*"), config);
        String inactiveXml = ok(uri, "dumpxml", "--inactive", NAME).out();
        assertTrue(inactiveXml.contains("  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n  </cputune>\n"),
                inactiveXml);
        assertTrue(ok(uri, "dumpxml", NAME).out().contains("<vcpupin vcpu='1' cpuset='0'/>"));
        ok(uri, "emulatorpin", NAME, "0");
        assertTrue(ok(uri, "emulatorpin", NAME).out().contains("*: 0\n"));
        Cli.Result range = Cli.virsh(uri, "vcpupin", NAME, "5", "0");
        assertEquals("error: invalid argument: vcpu 5 is out of range of live cpu count 2", range.err().trim());
        Cli.Result inactive = Cli.virsh(uri, "vcpupin", OFF, "0", "0");
        assertEquals("error: Requested operation is not valid: domain is not running", inactive.err().trim());
    }

    @Test
    @Order(6)
    void jobControlAndCpuStatsAnswerAsLibvirt() throws Exception {
        assertTrue(ok(uri, "domjobinfo", NAME).out().startsWith("Job type:         None"));
        assertEquals("ok", ok(uri, "domcontrol", NAME).out().trim());
        Cli.Result abort = Cli.virsh(uri, "domjobabort", NAME);
        assertEquals("error: Requested operation is not valid: no job is active on the domain", abort.err().trim());
        Cli.Result cpu = Cli.virsh(uri, "cpu-stats", NAME);
        assertTrue(cpu.err().contains("error: Requested operation is not valid: cgroup CPUACCT controller is not mounted"),
                cpu.err());
        Cli.Result nic = Cli.virsh(uri, "domifstat", NAME, "vnet0");
        assertTrue(nic.err().contains("error: invalid argument: 'vnet0' is not a known interface"), nic.err());
        String out = python("off = conn.lookupByName('" + OFF + "')\n"
                + "for f in (off.blockStats, off.memoryStats):\n"
                + "    print(err(lambda: f('vda') if f == off.blockStats else f()))\n"
                + "print(err(off.jobInfo), err(off.controlInfo), off.jobStats(libvirt.VIR_DOMAIN_JOB_STATS_COMPLETED))\n"
                + "print(d.jobInfo()[0], d.jobStats(), d.controlInfo())\n");
        String notRunning = "55/20 Requested operation is not valid: domain is not running";
        assertEquals(notRunning + "\n" + notRunning + "\n" + notRunning + " " + notRunning + " {'type': 0}\n"
                + "0 {'type': 0} [0, 0, 0]\n", out);
    }

    @Test
    @Order(8)
    void configuredPinsApplyAtTheNextStart() throws Exception {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two host CPUs");
        ok(uri, "vcpupin", NAME, "1", "1", "--config");
        ok(uri, "emulatorpin", NAME, "1", "--config");
        ok(uri, "destroy", NAME);
        ok(uri, "start", NAME);
        String vcpuinfo = ok(uri, "vcpuinfo", NAME).out();
        assertTrue(vcpuinfo.matches("(?s)VCPU:\\s+0\\n.*CPU Affinity:\\s+y-*\\n.*VCPU:\\s+1\\n.*CPU Affinity:\\s+-y-*\\n.*"),
                vcpuinfo);
        String qemu = ok(uri, "qemu-monitor-command", NAME, "{\"execute\":\"query-status\"}").out();
        assertTrue(qemu.contains("running"), qemu);
        long pid = Guests.qemusUnder(prefix).get(0);
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        assertTrue(status.contains("Cpus_allowed_list:\t1\n"), "the emulator thread is pinned to CPU 1");
    }

    @Test
    @Order(7)
    void readOnlyConnectionsMayReadButNotPeekOrPin() throws Exception {
        String ro = daemon.roUri();
        ok(ro, "domblkstat", NAME, "vda");
        ok(ro, "domstats", NAME);
        Cli.Result pin = Cli.virsh(ro, "vcpupin", NAME, "0", "1");
        assertTrue(pin.err().contains("operation forbidden: read only access prevents virDomainPinVcpu"), pin.err());
        Cli.Result peek = Cli.python("import libvirt, sys\n"
                + "libvirt.registerErrorHandler(lambda c, e: None, None)\n"
                + "d = libvirt.openReadOnly(sys.argv[1]).lookupByName(sys.argv[2])\n"
                + "try:\n    d.blockPeek('vda', 0, 16)\n"
                + "except libvirt.libvirtError as e:\n    print(e.get_error_code(), e.get_error_message())\n", ro, NAME);
        assertEquals("29 operation forbidden: read only access prevents virDomainBlockPeek\n", peek.out(), peek.all());
    }
}
