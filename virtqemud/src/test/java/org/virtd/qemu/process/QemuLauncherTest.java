package org.virtd.qemu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.qemu.caps.QemuProbe;
import org.virtd.qemu.process.QemuLaunchSpec.Serial;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpEvent;
import org.virtd.qemu.qmp.QmpEventListener;
import org.virtd.rpc.error.VirtException;

/** Boots the real tiny guest under TCG through the launcher, then powers it off over QMP. */
@Timeout(180)
class QemuLauncherTest {
    static final Path QEMU = QemuProbe.DEFAULT_EMULATOR;

    @TempDir
    Path prefix;
    final List<Long> started = new ArrayList<>();
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final QmpEventListener recorder = new QmpEventListener() {
        @Override
        public void onEvent(QmpEvent e) {
            events.add(e.name() + e.data().toJson());
        }

        @Override
        public void onClose(boolean eof) {
            events.add("close eof=" + eof);
        }
    };

    @AfterEach
    void killLeftovers() {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> p).join();
            });
        }
    }

    QemuLaunchSpec.Builder spec(TinyGuest guest, String name) throws java.io.IOException {
        // the master key file QEMU's argv names, beside the monitor socket (the lifecycle writes it)
        Path keyDir = prefix.resolve("lib/domain-1-" + name);
        Files.createDirectories(keyDir);
        Files.write(keyDir.resolve(QemuCommandLine.MASTER_KEY), new byte[32]);
        return QemuLaunchSpec.builder(name, UUID.randomUUID()).emulator(QEMU).machine("pc")
                .kernel(guest.kernel(), guest.initrd(), "console=ttyS0 quiet")
                .serial(new Serial(0, prefix.resolve("log/" + name + "-console.log"), false))
                .monitorSocket(prefix.resolve("lib/domain-1-" + name + "/monitor.sock"));
    }

    @Test
    void bootsTinyGuestThenPowersItOff() throws Exception {
        TinyGuest.require(Files.isExecutable(QEMU), QEMU.toString());
        TinyGuest guest = TinyGuest.get();
        QemuLaunchSpec spec = spec(guest, "tiny").build();
        DomainLog log = new DomainLog(prefix.resolve("log/qemu/tiny.log"));
        QemuLauncher launcher = new QemuLauncher(Duration.ofSeconds(20), "virtd-java test");

        long t0 = System.nanoTime();
        QemuProcess qemu = launcher.launch(spec, prefix.resolve("lib/domain-1-tiny"), log, false, recorder);
        started.add(qemu.pid());
        long launchMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(qemu.pty("charserial0").orElseThrow().startsWith("/dev/pts/"), qemu.ptys().toString());
        assertEquals("RESUME{}", events.poll(10, TimeUnit.SECONDS));
        assertEquals("running", ((JsonObject) qemu.monitor().execute("query-status", null)).string("status", ""));

        assertEquals(qemu.pid(), QemuIdentity.session(qemu.pid()), "QEMU leads its own session");
        assertNotEquals(QemuIdentity.session(ProcessHandle.current().pid()), QemuIdentity.session(qemu.pid()));
        assertTrue(QemuIdentity.matches(qemu.pid(), QEMU, "tiny", spec.monitorSocket()));
        assertFalse(QemuIdentity.matches(qemu.pid(), QEMU, "other", spec.monitorSocket()));

        Path console = spec.serials().get(0).logFile();
        long ready = waitFor(console, "GUEST-READY", Duration.ofSeconds(90));
        System.err.printf("tiny guest: launch %d ms, GUEST-READY after %d ms%n", launchMs, (ready - t0) / 1_000_000);
        String header = Files.readString(log.file());
        assertTrue(header.contains(": starting up virtd-java test\nLC_ALL=C \\\n"), header);
        assertTrue(header.contains("-name guest=tiny,debug-threads=on \\\n"), header);

        DomainStatusFile status = new DomainStatusFile(prefix.resolve("run/qemu"));
        status.write(new DomainStatus("tiny", 1, qemu.pid(), QEMU, spec.monitorSocket(), "running", "booted", "<domain/>"));
        qemu.monitor().close();
        assertEquals("close eof=false", events.poll(5, TimeUnit.SECONDS));
        QemuProcess again = launcher.reattach(status.read(status.pathOf("tiny")), recorder);
        assertEquals(qemu.pid(), again.pid());
        assertFalse(again.isChild());
        assertEquals(qemu.ptys(), again.ptys());

        again.monitor().execute("system_powerdown", null);
        assertEquals("POWERDOWN{}", events.poll(10, TimeUnit.SECONDS));
        String shutdown = events.poll(20, TimeUnit.SECONDS);
        assertTrue(shutdown != null && shutdown.startsWith("SHUTDOWN{\"guest\":true"), shutdown);
        waitFor(console, "GUEST-POWERDOWN", Duration.ofSeconds(5));
        assertTrue(qemu.isAlive(), "-no-shutdown keeps QEMU until the driver ends it");
        assertTrue(qemu.terminate(false));
        assertFalse(qemu.isAlive());
        String next;
        do {
            next = events.poll(10, TimeUnit.SECONDS);
        } while (next != null && !next.startsWith("close"));
        assertEquals("close eof=true", next);
        log.note("shutting down, reason=shutdown");
        // QEMU does not always get to print "terminating on signal 15" before it exits; our own
        // stop line is what the log must carry.
        assertTrue(Files.readString(log.file()).contains("shutting down, reason=shutdown"), Files.readString(log.file()));
    }

    @Test
    void failedStartReportsQemuErrorAndLeavesNothingRunning() throws Exception {
        TinyGuest.require(Files.isExecutable(QEMU), QEMU.toString());
        QemuLaunchSpec spec = QemuLaunchSpec.builder("bad", UUID.randomUUID()).emulator(QEMU).machine("no-such-machine")
                .monitorSocket(prefix.resolve("lib/domain-2-bad/monitor.sock")).build();
        DomainLog log = new DomainLog(prefix.resolve("log/qemu/bad.log"));
        QemuLauncher launcher = new QemuLauncher(Duration.ofSeconds(20), "virtd-java test");
        VirtException e = assertThrows(VirtException.class,
                () -> launcher.launch(spec, prefix.resolve("lib/domain-2-bad"), log, false, QmpEventListener.NONE));
        // QEMU's own words, not the command line the log holds before them (as libvirt reports it)
        assertTrue(e.getMessage().startsWith("internal error: qemu unexpectedly closed the monitor: "), e.getMessage());
        assertTrue(e.getMessage().contains("unsupported machine type"), e.getMessage());
        assertFalse(e.getMessage().contains("-machine no-such-machine"), e.getMessage());
    }

    /** qemu.conf's max_processes, max_files and set_process_name reach the running QEMU. */
    @Test
    void hostPolicyGivesQemuItsLimitsAndName() throws Exception {
        TinyGuest.require(Files.isExecutable(QEMU), QEMU.toString());
        QemuLaunchSpec spec = spec(TinyGuest.get(), "limited")
                .host(new QemuLaunchSpec.HostPolicy(true, false, 3000, 2048)).build();
        DomainLog log = new DomainLog(prefix.resolve("log/qemu/limited.log"));
        QemuProcess qemu = new QemuLauncher(Duration.ofSeconds(20), "virtd-java test")
                .launch(spec, prefix.resolve("lib/domain-3-limited"), log, true, QmpEventListener.NONE);
        started.add(qemu.pid());
        String limits = Files.readString(Path.of("/proc/" + qemu.pid() + "/limits"));
        assertTrue(limits.matches("(?s).*Max processes\\s+3000\\s+3000\\s.*"), limits);
        assertTrue(limits.matches("(?s).*Max open files\\s+2048\\s+2048\\s.*"), limits);
        assertEquals("qemu:limited", Files.readString(Path.of("/proc/" + qemu.pid() + "/comm")).strip());
        String header = Files.readString(log.file());
        assertTrue(header.contains("-name guest=limited,process=qemu:limited,debug-threads=on"), header);
        assertTrue(!header.contains("-msg timestamp=on"), header);
        qemu.monitor().close();
    }

    private static long waitFor(Path file, String marker, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(marker)) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(marker + " not seen in " + file + " within " + limit.toSeconds() + " s: "
                + (Files.exists(file) ? Files.readString(file) : "(no file)"));
    }
}
