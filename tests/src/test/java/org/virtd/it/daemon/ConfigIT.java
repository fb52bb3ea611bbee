package org.virtd.it.daemon;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Config files refused with file:line:key, and a good one applied to sockets, limits and logs (§6–8). */
class ConfigIT {
    private static final String DAEMON = TestDaemon.NAME;

    @TempDir
    Path prefix;

    @BeforeAll
    static void tools() {
        DaemonRun.requireBuiltLauncher(DAEMON);
        DaemonRun.requireTool("virt-admin");
    }

    private Path conf(String text) throws Exception {
        return Files.writeString(prefix.resolve("test.conf"), text);
    }

    @Test
    void wrongTypeIsRefusedWithFileLineAndKey() throws Exception {
        Path f = conf("# comment\nmax_clients = \"many\"\n");
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            DaemonRun.Result r = run.launch("-f", f.toString());
            assertEquals(1, r.status());
            assertTrue(r.output().contains("Can't load config file: internal error: " + f
                    + ":2: expected an unsigned integer for 'max_clients' parameter: " + f), r.output());
        }
    }

    @Test
    void unknownLogOutputIsRefused() throws Exception {
        Path f = conf("log_outputs = \"1:nowhere\"\n");
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            DaemonRun.Result r = run.launch("-f", f.toString());
            assertEquals(1, r.status());
            assertTrue(r.output().contains("Invalid log destination 'nowhere' for log output '1:nowhere'"), r.output());
        }
    }

    @Test
    void badOctalPermsExitSixNamingFileLineAndKey() throws Exception {
        Path f = conf("\n\nunix_sock_rw_perms = \"0x77\"\n");
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            DaemonRun.Result r = run.launch("-f", f.toString());
            assertEquals(6, r.status(), r.output());
            assertTrue(r.output().contains(f + ":3: unix_sock_rw_perms: Failed to parse mode '0x77'"), r.output());
        }
    }

    @Test
    void missingExplicitFileIsAnError() throws Exception {
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            DaemonRun.Result r = run.launch("-f", prefix.resolve("absent.conf").toString());
            assertEquals(1, r.status());
            assertTrue(r.output().contains("No such file or directory"), r.output());
        }
    }

    @Test
    void goodConfigChangesSocketPermsLimitsAndLogOutputs() throws Exception {
        Path log = prefix.resolve("var/log/mine.log");
        Path f = conf("unix_sock_rw_perms = \"0770\"\nunix_sock_ro_perms = \"0755\"\nunix_sock_admin_perms = \"0750\"\n"
                + "max_clients = 42\nlog_level = 2\nlog_outputs = \"2:file:" + log + "\"\n");
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            Process p = run.startDaemon("-f", f.toString());
            run.awaitAnswering(run.socket("-admin-sock"));
            assertEquals("rwxrwx---", perms(run.socket("-sock")));
            assertEquals("rwxr-xr-x", perms(run.socket("-sock-ro")));
            assertEquals("rwxr-x---", perms(run.socket("-admin-sock")));
            DaemonRun.Result info = run.virtAdmin(run.socket("-admin-sock"), "srv-clients-info", DAEMON);
            assertTrue(info.output().matches("(?s).*nclients_max\\s*:\\s*42\\b.*"), info.output());
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String logged = Files.readString(log);
            assertTrue(logged.contains(": info : virLogVMessage:0 : libvirt version: 9.0.0"), logged);
            assertTrue(logged.contains("Shutting down on SIGTERM"), logged);
        }
    }

    @Test
    void unixSockDirMovesTheSockets() throws Exception {
        Path dir = prefix.resolve("elsewhere");
        Path f = conf("unix_sock_dir = \"" + dir + "\"\n");
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            run.startDaemon("-f", f.toString());
            run.awaitAnswering(dir.resolve(DAEMON + "-admin-sock"));
            assertTrue(Files.exists(dir.resolve(DAEMON + "-sock")), "rw socket in unix_sock_dir");
            assertTrue(Files.exists(dir.resolve(DAEMON + "-sock-ro")), "ro socket in unix_sock_dir");
            DaemonRun.Result info = run.virtAdmin(dir.resolve(DAEMON + "-admin-sock"), "srv-list");
            assertTrue(info.output().contains(DAEMON), info.output());
        }
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
