package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;
import static org.virtd.it.qemu.lifecycle.Guests.state;

/**
 * One persistent tiny guest through issue 5's virsh sequence, in order: start, suspend/resume,
 * monitor passthrough, console, reset, reboot, shutdown, start again, destroy; then a transient
 * guest from {@code virsh create}. A python-libvirt client records the events all along and the
 * last step checks them against libvirt's numbers and order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuestLifecycleTest {
    private static final String NAME = "life";
    private static final String TRANSIENT = "blip";
    private static final String WATCHED = "watched";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static TinyGuest guest;
    static EventRecorder events;
    static String uri;

    @BeforeAll
    static void start() throws Exception {
        guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        events = EventRecorder.start(uri, prefix);
        ok(uri, "define", guest.xmlFile(NAME, prefix).toString());
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, events, daemon);
    }

    @Test
    @Order(1)
    void startRunsTheGuestWithinFiveSeconds() throws Exception {
        long t0 = System.nanoTime();
        ok(uri, "start", NAME);
        TinyGuest.await(() -> Guests.stateIs(uri, NAME, "running (booted)"), Duration.ofSeconds(5),
                "not running within 5 s");
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(30));
        Path log = prefix.resolve("var/log/libvirt/qemu/" + NAME + ".log");
        String text = Files.readString(log);
        assertTrue(text.contains("char device redirected to /dev/pts/"), "QEMU's stderr in the log");
        assertTrue(text.matches("(?s).*: starting up libvirt version: 9\\.0\\.0, package: virtd-java [^,]+, kernel: "
                + "[^,]+, hostname: \\S+\n.*"), text);
        if ("root".equals(System.getProperty("user.name"))) {
            assertTrue(text.contains(" is tainted: high-privileges\n"), text);
        }
        Cli.Result list = ok(uri, "list");
        assertTrue(list.out().matches("(?s).*\\s1\\s+" + NAME + "\\s+running.*"), list.out());
    }

    @Test
    @Order(2)
    void suspendAndResume() throws Exception {
        ok(uri, "suspend", NAME);
        assertEquals("paused (user)", state(uri, NAME));
        ok(uri, "resume", NAME);
        assertEquals("running (unpaused)", state(uri, NAME));
        Cli.Result again = Cli.virsh(uri, "resume", NAME);
        assertTrue(again.exit() != 0 && again.err().contains("domain is already running"), again.all());
    }

    @Test
    @Order(3)
    void monitorCommandReturnsQemusJson() throws Exception {
        Cli.Result r = ok(uri, "qemu-monitor-command", NAME, "{\"execute\":\"query-status\"}");
        assertTrue(r.out().trim().matches("\\{\"return\":\\{.*\"status\":\"running\".*},\"id\":\"libvirt-\\d+\"}"),
                r.out());
        Cli.Result hmp = ok(uri, "qemu-monitor-command", "--hmp", NAME, "info status");
        assertTrue(hmp.out().contains("VM status: running"), hmp.out());
    }

    @Test
    @Order(4)
    void consoleShowsOutputAndTakesInput() throws Exception {
        Path script = EventRecorder.resource("console.py", prefix);
        Cli.Result r = Cli.run(List.of("/usr/bin/python3", script.toString(), uri, NAME), 60);
        assertTrue(r.out().contains("connected True mark True exit 0"), r.all());
        assertTrue(r.out().contains("Connected to domain '" + NAME + "'"), r.out());
    }

    @Test
    @Order(5)
    void resetBootsAgain() throws Exception {
        int before = TinyGuest.boots(prefix, NAME);
        ok(uri, "reset", NAME);
        TinyGuest.awaitBoots(prefix, NAME, before + 1, Duration.ofSeconds(30));
        assertTrue(state(uri, NAME).startsWith("running"), state(uri, NAME));
    }

    @Test
    @Order(6)
    void rebootBootsAgain() throws Exception {
        int before = TinyGuest.boots(prefix, NAME);
        ok(uri, "reboot", NAME);
        TinyGuest.awaitBoots(prefix, NAME, before + 1, Duration.ofSeconds(30));
        assertEquals("running (booted)", state(uri, NAME));
        assertTrue(Files.readString(TinyGuest.consoleLog(prefix, NAME)).contains("GUEST-POWERDOWN"),
                "reboot goes through the guest's ACPI power-off");
    }

    @Test
    @Order(7)
    void shutdownEndsShutOffBecauseTheGuestPoweredOff() throws Exception {
        ok(uri, "shutdown", NAME);
        TinyGuest.await(() -> Guests.stateIs(uri, NAME, "shut off (shutdown)"), Duration.ofSeconds(20),
                "not shut off within 20 s");
        assertTrue(Guests.qemusUnder(prefix).isEmpty(), "QEMU gone");
        assertFalse(Files.exists(daemon.runDir().resolve("qemu/" + NAME + ".xml")), "status file removed");
        Path log = prefix.resolve("var/log/libvirt/qemu/" + NAME + ".log");
        assertTrue(Files.readString(log).contains("shutting down, reason=shutdown"));
    }

    @Test
    @Order(8)
    void startAgainThenDestroyAtOnce() throws Exception {
        ok(uri, "start", NAME);
        assertEquals("2", ok(uri, "domid", NAME).out().trim(), "ids increase");
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        ok(uri, "destroy", NAME);
        assertEquals("shut off (destroyed)", state(uri, NAME));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos(), "destroy is quick");
    }

    @Test
    @Order(9)
    void createRunsATransientGuestThatVanishesOnDestroy() throws Exception {
        ok(uri, "create", guest.xmlFile(TRANSIENT, prefix, 2).toString());
        assertEquals("running (booted)", state(uri, TRANSIENT));
        ok(uri, "setvcpus", TRANSIENT, "2", "--live");
        String cpus = ok(uri, "qemu-monitor-command", TRANSIENT, "{\"execute\":\"query-cpus-fast\"}").out();
        assertTrue(cpus.contains("\"cpu-index\":1"), "vCPU hot-plugged: " + cpus);
        Cli.Result tooMany = Cli.virsh(uri, "setvcpus", TRANSIENT, "3", "--live");
        assertTrue(tooMany.err().contains("requested vcpus is greater than max allowable vcpus for the live domain: "
                + "3 > 2"), tooMany.all());
        ok(uri, "setmem", TRANSIENT, "100M", "--live");
        // the tiny guest has no balloon driver: like libvirtd, the live XML keeps what the guest has
        assertTrue(ok(uri, "dumpxml", TRANSIENT).out().contains("<currentMemory unit='KiB'>131072</currentMemory>"));
        String info = ok(uri, "dominfo", TRANSIENT).out();
        assertTrue(info.matches("(?s).*Persistent:\\s+no\\n.*"), info);
        // virsh prints the line only when the CPU time is not zero: QEMU's own, user and system
        assertTrue(info.matches("(?s).*CPU time:\\s+\\d+\\.\\ds\\n.*"), info);
        ok(uri, "destroy", TRANSIENT);
        Cli.Result gone = Cli.virsh(uri, "domstate", TRANSIENT);
        assertTrue(gone.exit() != 0 && gone.err().contains("failed to get domain"), gone.all());
        assertFalse(ok(uri, "list", "--all").out().contains(TRANSIENT));
    }

    @Test
    @Order(10)
    void eventsCarryLibvirtsNumbersInLibvirtsOrder() {
        TinyGuest.await(() -> events.of(TRANSIENT).size() >= 4, Duration.ofSeconds(5), "events: " + events.lines());
        List<String> life = events.of(NAME).stream().filter(e -> !e.equals("reboot")).toList();
        assertEquals(List.of("0 0", // defined added
                "4 0", "2 0", // start: resumed unpaused, started booted
                "3 0", "4 0", // suspend, resume
                "6 1", "5 0", // guest shut down on request, stopped shutdown
                "4 0", "2 0", // start again
                "6 2", "5 1"), // destroy: QEMU's shutdown on SIGTERM (host), stopped destroyed
                life, "all: " + events.lines());
        assertTrue(events.of(NAME).stream().filter(e -> e.equals("reboot")).count() >= 2,
                "reset and reboot raise REBOOT: " + events.lines());
        assertEquals(List.of("4 0", "2 0", "6 2", "5 1"), events.of(TRANSIENT));
    }

    @Test
    @Order(11)
    void monitorEventsReachVirshQemuMonitorEvent() throws Exception {
        ok(uri, "create", guest.xmlFile(WATCHED, prefix).toString());
        Process watcher = new ProcessBuilder("virsh", "-c", uri, "qemu-monitor-event", "--domain", WATCHED,
                "--event", "^(STOP|RESUME)$", "--regex", "--loop", "--timeout", "30").redirectErrorStream(true).start();
        try {
            ProcessOutput out = ProcessOutput.of(watcher);
            // the watcher registers some time after it starts: pause and resume until it has seen both
            try {
                TinyGuest.await(() -> {
                    pauseAndResume(WATCHED);
                    return out.text().contains("event STOP at ") && out.text().contains("event RESUME at ");
                }, Duration.ofSeconds(20), "virsh qemu-monitor-event saw no STOP and RESUME");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; it printed: " + out.text() + "; daemon log: "
                        + daemon.log(), e);
            }
            assertTrue(out.text().matches("(?s).*event STOP at \\d+\\.\\d{6} for domain '" + WATCHED + "'.*"),
                    out.text());
            assertEquals("", out.text().replaceAll("event (STOP|RESUME) at .*\n", "").trim(), "only the events asked for");
            Cli.Result py = Cli.python(MONITOR_REGISTER_DEREGISTER, uri, WATCHED);
            assertTrue(py.out().contains("deregistered"), py.all());
        } finally {
            watcher.destroy();
            watcher.waitFor(5, TimeUnit.SECONDS);
            Cli.virsh(uri, "destroy", WATCHED);
        }
    }

    /** python-libvirt registers a monitor-event callback, then deregisters it on another call. */
    private static final String MONITOR_REGISTER_DEREGISTER = """
            import libvirt, libvirt_qemu, sys
            libvirt.virEventRegisterDefaultImpl()
            c = libvirt.open(sys.argv[1])
            d = c.lookupByName(sys.argv[2])
            cid = libvirt_qemu.qemuMonitorEventRegister(c, d, "STOP", lambda *a: None, None, 0)
            libvirt_qemu.qemuMonitorEventDeregister(c, cid)
            print("deregistered", cid)
            """;

    private static void pauseAndResume(String name) {
        try {
            ok(uri, "suspend", name);
            ok(uri, "resume", name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Collects a process's output on a thread of its own. */
    private static final class ProcessOutput {
        private final StringBuffer text = new StringBuffer();

        static ProcessOutput of(Process p) {
            ProcessOutput o = new ProcessOutput();
            Thread t = new Thread(() -> {
                try (var in = p.getInputStream()) {
                    byte[] buf = new byte[4096];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        o.text.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            }, "virsh-output");
            t.setDaemon(true);
            t.start();
            return o;
        }

        String text() {
            return text.toString();
        }
    }
}
