package org.virtd.it.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's way to a quick start (issue 17): the first starts train and dump the class-data
 * archive, the next one records its JVM options, and from then on the launcher runs no external
 * command at all (each would cost the first reply a fork). An archive the JVM declines is dropped
 * by the daemon, with the record, so the next start goes the long way and makes a fresh one.
 */
class LaunchRecordIT {
    private static final String DAEMON = "virtqemud";
    private static final String ARCHIVE_FLAG = "-XX:SharedArchiveFile=";

    @TempDir
    Path prefix;

    @Test
    void recordedOptionsNeedNoCommandAndAStaleArchiveIsDropped() throws Exception {
        DaemonRun.requireBuiltLauncher(DAEMON);
        DaemonRun.requireTool("virt-admin");
        Path cache = prefix.resolve("var/cache/libvirt/cds");
        Path record = cache.resolve(DAEMON + ".launch");
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            serveOneCall(run, false); // trains: the class list
            serveOneCall(run, false); // dumps the archive in the background
            assertTrue(DaemonRun.await(Duration.ofSeconds(150), () -> archives(cache).length > 0),
                    "no archive in " + cache + ":\n" + run.output());
            Path archive = archives(cache)[0];
            serveOneCall(run, true); // maps it and writes the record
            assertTrue(Files.isRegularFile(record), run.output());

            // with no command on PATH but java, the launcher still finds the archive
            Path bin = Files.createDirectories(prefix.resolve("only-java"));
            Files.createSymbolicLink(bin.resolve("java"), javaOnPath());
            List<String> argv = launchArguments(run, bin);
            assertTrue(argv.contains(ARCHIVE_FLAG + archive), argv.toString());
            assertEquals(argv, launchArguments(run, bin));

            // an archive this JVM declines: the daemon drops it and the record
            try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(new byte[] {'X', 'X', 'X', 'X'}), 0);
            }
            Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(record).toMillis() - 60_000));
            Process p = run.startDaemon();
            run.awaitAnswering(run.socket("-admin-sock"));
            assertTrue(DaemonRun.await(Duration.ofSeconds(20), () -> !Files.exists(record) && !Files.exists(archive)),
                    "the declined archive was kept: " + List.of(cache.toFile().list()));
            stop(p, run);
        }
    }

    /** Starts the daemon, makes one call (and checks the archive is mapped, if asked), stops it. */
    private static void serveOneCall(DaemonRun run, boolean archiveMapped) throws Exception {
        Process p = run.startDaemon();
        run.awaitAnswering(run.socket("-admin-sock"));
        if (archiveMapped) {
            String maps = Files.readString(Path.of("/proc", Long.toString(p.pid()), "maps"));
            assertTrue(maps.contains(".jsa"), "no archive mapped");
        }
        stop(p, run);
    }

    private static void stop(Process p, DaemonRun run) throws Exception {
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), run.output());
    }

    private static Path[] archives(Path cache) {
        if (!Files.isDirectory(cache)) {
            return new Path[0];
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toArray(Path[]::new);
        } catch (java.io.IOException e) {
            return new Path[0];
        }
    }

    /** The java arguments the launcher would exec, with only {@code bin} on PATH. */
    private static List<String> launchArguments(DaemonRun run, Path bin) throws Exception {
        String script = "exec() { printf '%s\\n' \"$@\"; }; . \"$0\"";
        DaemonRun.Result r = run.exec(List.of("/bin/bash", "-c", script, run.launcher().toString()),
                Map.of("PATH", bin.toString()), Duration.ofSeconds(20));
        assertEquals(0, r.status(), r.output());
        assertFalse(r.output().contains("command not found"), r.output());
        return List.of(r.output().split("\n"));
    }

    private static Path javaOnPath() throws Exception {
        for (String dir : System.getenv("PATH").split(":")) {
            Path java = Path.of(dir, "java");
            if (Files.isExecutable(java)) {
                return java;
            }
        }
        throw new AssertionError("no java on PATH");
    }
}
