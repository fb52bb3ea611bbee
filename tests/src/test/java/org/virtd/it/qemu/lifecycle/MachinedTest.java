package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Anchor;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.LabQemuConf;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * Guests through systemd-machined, libvirtd and virtqemud side by side: a private dbus-daemon
 * with a fake machined on it (fake_machined.py: records every call, makes the machine's scope on
 * this host's cgroupfs), both daemons pointed at it by DBUS_SYSTEM_BUS_ADDRESS, the tiny guest
 * started and destroyed on each. The calls machined gets (leader pid aside) and the QEMU's
 * /proc/PID/cgroup must be the same.
 */
class MachinedTest {
    private static final String NAME = "mdtiny";
    private static final String UUID = "6d616368-696e-6564-2d74-657374000001";
    /** What reaches machined of qemu.conf's limits (the scope's task limit). */
    private static final String LIMITS = "max_threads_per_process = 321\n";
    /** The guest's machine scope in the v1 memory hierarchy. */
    private static final Path SCOPE_MEMORY = Path.of("/sys/fs/cgroup/memory/machine.slice/machine-qemu\\x2d1\\x2d"
            + NAME + ".scope");
    @TempDir
    Path prefix;
    Process bus;
    Process fake;
    Anchor anchor;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon, anchor, () -> end(fake), () -> end(bus));
    }

    @Test
    void machineRegistrationAndPlacementMatchLibvirtd() throws Exception {
        Path record = prefix.resolve("machined.jsonl");
        String address = startMachined(record);
        Map<String, String> env = Map.of("DBUS_SYSTEM_BUS_ADDRESS", address);
        String conf = LabQemuConf.TEXT.replace("cgroup_controllers = [ ]\n", "") + CgroupTuningTest.ALL_CONTROLLERS
                + LIMITS;

        Path confFile = prefix.resolve("anchor-qemu.conf");
        // libvirtd here has no virtlogd: QEMU's output goes to a file, as in the anchor's own qemu.conf
        Files.writeString(confFile, conf + "stdio_handler = \"file\"\n");
        anchor = Anchor.start(prefix.resolve("anchor"), confFile, env);
        // libvirtd hands QEMU its log files as descriptors: its pid file names it
        Path pidFile = prefix.resolve("anchor/run/qemu/" + NAME + ".pid");
        Run theirs = run(anchor.uri(), prefix.resolve("a"), record,
                () -> List.of(Long.parseLong(read(pidFile))));
        anchor.close();
        anchor = null;
        Files.writeString(record, "");

        Path ours = prefix.resolve("ours");
        LabQemuConf.write(ours, CgroupTuningTest.ALL_CONTROLLERS + LIMITS);
        daemon = VirtqemudProcess.start(ours, "virtqemud", env);
        Run mine = run(daemon.uri(), prefix.resolve("b"), record, () -> Guests.qemusUnder(ours));

        assertTrue(theirs.calls.get(0).contains("\"CreateMachineWithNetwork\""), theirs.calls.toString());
        assertEquals(theirs.calls, mine.calls, "the calls systemd-machined got");
        assertEquals(theirs.placement, mine.placement, "QEMU's /proc/PID/cgroup");
        assertTrue(theirs.placement.stream().anyMatch(l -> l.endsWith(":memory:/machine.slice/machine-qemu\\x2d1\\x2d"
                + NAME + ".scope/libvirt")), theirs.placement.toString());
    }

    @Test
    void aRegisteredGuestIsFoundAgainAfterADaemonKill() throws Exception {
        Path record = prefix.resolve("machined.jsonl");
        String uri = startGuestUnderMachined(record);
        Path memory = SCOPE_MEMORY.resolve("libvirt");
        ok(uri, "memtune", NAME, "--hard-limit", "262144", "--live");

        daemon.kill();
        daemon.restart();
        assertTrue(Guests.state(uri, NAME).startsWith("running"), Guests.state(uri, NAME));
        // the live tuning reaches the same group: the guest was found in the machine's scope again
        ok(uri, "memtune", NAME, "--hard-limit", "393216", "--live");
        assertEquals(Long.toString(393216L * 1024), read(memory.resolve("memory.limit_in_bytes")));
        ok(uri, "destroy", NAME);
        TinyGuest.await(() -> read(record).contains("TerminateMachine"), Duration.ofSeconds(15),
                "no TerminateMachine after destroy: " + read(record));
        TinyGuest.await(() -> !Files.exists(memory), Duration.ofSeconds(15), "the scope's group stayed: " + memory);
        ok(uri, "undefine", NAME);
    }

    /**
     * A guest whose QEMU died while no daemon watched: the restarted daemon finds it shut off
     * (crashed) and terminates its machine, as libvirtd's reconnect stops a run it cannot attach to.
     */
    @Test
    void aGuestThatDiedUnwatchedHasItsMachineTerminated() throws Exception {
        Path record = prefix.resolve("machined.jsonl");
        String uri = startGuestUnderMachined(record);
        Path ours = prefix.resolve("ours");
        List<Long> qemus = Guests.qemusUnder(ours);
        assertEquals(1, qemus.size(), qemus.toString());

        daemon.kill();
        Guests.killQemusUnder(ours);
        TinyGuest.await(() -> ProcessHandle.of(qemus.get(0)).isEmpty(), Duration.ofSeconds(15), "QEMU did not exit");
        Files.writeString(record, "");
        daemon.restart();
        assertEquals("shut off (crashed)", Guests.state(uri, NAME));
        String calls = read(record);
        assertTrue(calls.contains("\"TerminateMachine\"") && calls.contains("qemu-1-" + NAME), calls);
        TinyGuest.await(() -> !Files.exists(SCOPE_MEMORY), Duration.ofSeconds(15),
                "the machine's scope stayed: " + SCOPE_MEMORY);
        ok(uri, "undefine", NAME);
    }

    /** Our daemon under the fake machined (recording to {@code record}) with the tiny guest started; its URI. */
    private String startGuestUnderMachined(Path record) throws Exception {
        String address = startMachined(record);
        Path ours = prefix.resolve("ours");
        LabQemuConf.write(ours, CgroupTuningTest.ALL_CONTROLLERS);
        daemon = VirtqemudProcess.start(ours, "virtqemud", Map.of("DBUS_SYSTEM_BUS_ADDRESS", address));
        String uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, TinyGuest.get().xml(NAME, prefix));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        return uri;
    }

    /** A private system bus with the fake machined on it, recording to {@code record}; the bus's address. */
    private String startMachined(Path record) throws Exception {
        Cli.requireTool("/usr/bin/dbus-daemon");
        Cli.requireTool("/usr/bin/python3");
        assumeTrue(Files.isWritable(Path.of("/sys/fs/cgroup/memory")), "needs a writable v1 memory hierarchy");
        String address = startBus();
        startFake(address, record);
        return address;
    }

    private record Run(List<String> calls, List<String> placement) {
    }

    /** The tiny guest defined, started and destroyed on {@code uri}; what machined saw and where QEMU was. */
    private Run run(String uri, Path dir, Path record, java.util.function.Supplier<List<Long>> qemus)
            throws Exception {
        Files.createDirectories(dir);
        Path xml = dir.resolve(NAME + ".xml");
        Files.writeString(xml, TinyGuest.get().xml(NAME, dir).replace("</name>\n", "</name>\n  <uuid>" + UUID + "</uuid>\n"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        List<Long> pids = qemus.get();
        assertEquals(1, pids.size(), pids.toString());
        long pid = pids.get(0);
        List<String> placement = Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"));
        ok(uri, "destroy", NAME);
        TinyGuest.await(() -> read(record).contains("TerminateMachine"), Duration.ofSeconds(15),
                "no TerminateMachine after destroy");
        ok(uri, "undefine", NAME);
        List<String> calls = new ArrayList<>();
        for (String line : read(record).split("\n")) {
            calls.add(line.replace(Long.toString(pid), "PID"));
        }
        return new Run(calls, placement);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** A private system-type bus on a socket under the test's directory; machine1 is activatable on it. */
    private String startBus() throws Exception {
        Path services = Files.createDirectories(prefix.resolve("bus-services"));
        Files.writeString(services.resolve("org.freedesktop.machine1.service"),
                "[D-BUS Service]\nName=org.freedesktop.machine1\nExec=/bin/false\nUser=root\n");
        Path socket = prefix.resolve("bus.sock");
        Path conf = prefix.resolve("bus.conf");
        Files.writeString(conf, "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
                + " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n<busconfig>\n"
                + "  <type>system</type>\n  <listen>unix:path=" + socket + "</listen>\n  <auth>EXTERNAL</auth>\n"
                + "  <servicedir>" + services + "</servicedir>\n"
                + "  <policy context=\"default\">\n    <allow user=\"*\"/>\n    <allow own=\"*\"/>\n"
                + "    <allow send_type=\"method_call\"/>\n    <allow send_type=\"method_return\"/>\n"
                + "    <allow send_type=\"error\"/>\n    <allow send_type=\"signal\"/>\n"
                + "    <allow receive_type=\"method_call\"/>\n    <allow receive_type=\"method_return\"/>\n"
                + "    <allow receive_type=\"error\"/>\n    <allow receive_type=\"signal\"/>\n"
                + "  </policy>\n</busconfig>\n");
        bus = new ProcessBuilder("/usr/bin/dbus-daemon", "--config-file=" + conf, "--nofork")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("bus.log").toFile()).start();
        TinyGuest.await(() -> Files.exists(socket), Duration.ofSeconds(15), "dbus-daemon did not listen");
        return "unix:path=" + socket;
    }

    private void startFake(String address, Path record) throws Exception {
        Path script = EventRecorder.resource("fake_machined.py", prefix);
        Path out = prefix.resolve("fake.log");
        fake = new ProcessBuilder("/usr/bin/python3", script.toString(), address, record.toString(), "/sys/fs/cgroup")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        TinyGuest.await(() -> read(out).contains("READY") || !fake.isAlive(), Duration.ofSeconds(15),
                "the fake machined did not start");
        assertTrue(fake.isAlive(), read(out));
    }

    private static void end(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}
