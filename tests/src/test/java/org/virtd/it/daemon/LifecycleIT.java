package org.virtd.it.daemon;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command line, PID file, -d, signals and the idle timeout of a real daemon (daemons.md §3–5, §9–10). */
class LifecycleIT {
    private static final String DAEMON = TestDaemon.NAME;

    @TempDir
    Path prefix;

    @BeforeAll
    static void tools() {
        DaemonRun.requireBuiltLauncher(DAEMON);
        DaemonRun.requireTool("virt-admin");
    }

    @Test
    void versionUsageAndBadArguments() throws Exception {
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            DaemonRun.Result version = run.launch("--version");
            assertEquals(0, version.status());
            assertEquals(run.launcher() + " (libvirt) 9.0.0\n", version.output());
            DaemonRun.Result help = run.launch("-h");
            assertEquals(0, help.status());
            assertTrue(help.output().contains("      " + prefix.toRealPath() + "/run/" + DAEMON + ".pid\n")
                    || help.output().contains("      " + prefix + "/run/" + DAEMON + ".pid\n"), help.output());
            DaemonRun.Result bad = run.launch("-x");
            assertEquals(1, bad.status());
            assertTrue(bad.output().startsWith(run.launcher() + ": invalid option -- 'x'\n"), bad.output());
            // glibc getopt_long's own messages, as from libvirtd (daemon-core's CommandLineOracleTest has the rest)
            DaemonRun.Result abbreviated = run.launch("--conf");
            assertEquals(1, abbreviated.status());
            assertTrue(abbreviated.output().startsWith(run.launcher() + ": option '--config' requires an argument\n"
                    + "\nUsage:\n"), abbreviated.output());
            DaemonRun.Result ambiguous = run.launch("-v", "--ver");
            assertTrue(ambiguous.output().startsWith(run.launcher()
                    + ": option '--ver' is ambiguous; possibilities: '--verbose' '--version'\n"), ambiguous.output());
            DaemonRun.Result permuted = run.launch("stray", "-dvt5", "--vers");
            assertEquals(0, permuted.status());
            assertEquals(run.launcher() + " (libvirt) 9.0.0\n", permuted.output());
            DaemonRun.Result stray = run.launch("stray");
            assertEquals(1, stray.status());
            assertTrue(stray.output().contains("unexpected, non-option, command line arguments"));
            DaemonRun.Result timeout = run.launch("-t", "x");
            assertEquals(1, timeout.status());
            assertTrue(timeout.output().contains("error : ") && timeout.output().contains("Invalid value for timeout"));
        }
    }

    @Test
    void foregroundPidFileSecondInstanceAndSigterm() throws Exception {
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            Process p = run.startDaemon();
            run.awaitAnswering(run.socket("-admin-sock"));
            assertEquals(Long.toString(p.pid()), Files.readString(run.pidFile()));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.pidFile())));

            DaemonRun.Result second = run.launch();
            assertEquals(1, second.status());
            assertTrue(second.output().contains("Failed to acquire pid file '" + run.pidFile()
                    + "': Resource temporarily unavailable"), second.output());

            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), run.output());
            assertFalse(Files.exists(run.pidFile()));
            assertFalse(Files.exists(run.socket("-sock")));
            assertFalse(Files.exists(run.socket("-admin-sock")));
        }
    }

    @Test
    void traditionalDaemonModeReportsReadinessAndFailure() throws Exception {
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            DaemonRun.Result started = run.launch("-d");
            assertEquals(0, started.status(), started.output());
            long pid = Long.parseLong(Files.readString(run.pidFile()));
            ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
            assertTrue(daemon.isAlive());
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertEquals(Long.toString(pid), fields[3], "daemon is its session's leader");
            assertEquals("/dev/null", Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/1")).toString());
            assertEquals(0, run.virtAdmin(run.socket("-admin-sock"), "srv-list").status());

            DaemonRun.Result second = run.launch("-d");
            assertEquals(1, second.status());
            assertTrue(second.output().contains(run.launcher() + ": error: Unable to obtain pidfile. Check "
                    + "/var/log/messages or run without --daemon for more info."), second.output());
            assertTrue(second.output().contains(run.pidFile().toString()), second.output());

            assertTrue(new ProcessBuilder("kill", "-TERM", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS));
            assertTrue(DaemonRun.await(Duration.ofSeconds(30), () -> !daemon.isAlive()));
            assertFalse(Files.exists(run.pidFile()));
            assertFalse(Files.exists(run.socket("-sock")));
        }
    }

    @Test
    void idleTimeoutWaitsForTheLastClient() throws Exception {
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            Process p = run.startDaemon("-t", "2");
            run.awaitAnswering(run.socket("-admin-sock"));
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(run.socket("-admin-sock")))) {
                assertFalse(p.waitFor(3500, TimeUnit.MILLISECONDS), "exited while a client was connected");
            }
            long left = System.nanoTime();
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "did not exit when idle");
            long took = (System.nanoTime() - left) / 1_000_000;
            assertEquals(0, p.exitValue(), run.output());
            assertTrue(took >= 1500, "exited " + took + " ms after the last client left");
            assertFalse(Files.exists(run.pidFile()));
        }
    }
}
