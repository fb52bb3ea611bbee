package org.virtd.it.daemon;

import org.junit.jupiter.api.Assumptions;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A daemon's life scenario (traditional mode, activation, signals, config errors): the
 * repository's launcher run as many times as the scenario needs under one private
 * {@code VIRTD_PREFIX}, with output captured to a file. Unlike {@link VirtqemudProcess} (one
 * daemon that a test talks to), it runs commands to completion and watches PID files; every
 * wait is bounded and {@link #close()} kills whatever is left.
 */
final class DaemonRun implements AutoCloseable {
    final Path prefix;
    final String daemon;
    final Path output;
    private final List<Process> processes = new ArrayList<>();

    DaemonRun(Path prefix, String daemon) {
        this.prefix = prefix;
        this.daemon = daemon;
        this.output = prefix.resolve(daemon + ".out");
    }

    static void requireTool(String tool) {
        org.virtd.it.harness.Cli.requireTool(tool);
    }

    static void requireBuiltLauncher(String daemon) {
        Path built = daemon.equals(TestDaemon.NAME) ? TestDaemon.classPathFile()
                : VirtqemudProcess.repo().resolve(daemon).resolve("target/lib");
        if (!Files.exists(built) && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("build the daemons first: mvn -DskipTests package");
        }
        Assumptions.assumeTrue(Files.exists(built), daemon + " is not built (mvn -DskipTests package)");
    }

    /** The test daemon's launcher for {@link TestDaemon#NAME}, else the daemon's own in bin/. */
    Path launcher() {
        return daemon.equals(TestDaemon.NAME) ? TestDaemon.launcher() : VirtqemudProcess.launcher(daemon);
    }

    Path runDir() {
        return prefix.resolve("run/libvirt");
    }

    Path pidFile() {
        return prefix.resolve("run/" + daemon + ".pid");
    }

    Path socket(String suffix) {
        return runDir().resolve(daemon + suffix);
    }

    /** Starts {@code command} (launcher first unless given) with the prefix and extra env. */
    Process start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        pb.environment().put("VIRTD_PREFIX", prefix.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    Process startDaemon(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(launcher().toString()));
        cmd.addAll(List.of(args));
        return start(cmd, Map.of());
    }

    /** Runs a command to completion (bounded) and returns exit status and output. */
    Result exec(List<String> command, Map<String, String> env, Duration limit) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("VIRTD_PREFIX", prefix.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        Path out = Files.createTempFile(prefix, "exec", ".out");
        Thread pump = new Thread(() -> {
            try {
                Files.write(out, p.getInputStream().readAllBytes());
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        pump.start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        pump.join(2000);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    Result launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher().toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, Map.of(), Duration.ofSeconds(30));
    }

    Result virtAdmin(Path adminSocket, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("virt-admin", "-q", "-c",
                daemon + ":///system?socket=" + adminSocket));
        cmd.addAll(List.of(args));
        return exec(cmd, Map.of(), Duration.ofSeconds(20));
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(25);
        }
        return condition.getAsBoolean();
    }

    /** Waits until the admin socket answers virt-admin. */
    void awaitAnswering(Path adminSocket) throws Exception {
        boolean up = await(Duration.ofSeconds(30), () -> {
            try {
                return Files.exists(adminSocket) && virtAdmin(adminSocket, "srv-list").status() == 0;
            } catch (Exception e) {
                return false;
            }
        });
        if (!up) {
            throw new AssertionError("daemon did not answer on " + adminSocket + "; output:\n" + output());
        }
    }

    @Override
    public void close() throws Exception {
        if (Files.exists(pidFile())) {
            try {
                long pid = Long.parseLong(Files.readString(pidFile()).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            } catch (IOException | NumberFormatException ignored) {
                // no daemon left
            }
        }
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    record Result(int status, String output) {
    }
}
