package org.virtd.it.harness;

import org.virtd.core.testing.WireClient;
import org.virtd.rpc.remote.RemoteProgram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real daemon process (virtqemud by default) started from the built tree's launcher with its
 * own {@code VIRTD_PREFIX}, for end-to-end tests. Waits (bounded) for its socket; {@link #close}
 * sends SIGTERM and then kills it. Its stderr goes to {@code PREFIX/daemon.log}.
 */
public final class VirtqemudProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path prefix;
    private final String daemon;
    private final List<String> args;
    private final Map<String, String> env;
    private final List<String> wrapper;
    private Process process;

    private VirtqemudProcess(Path prefix, String daemon, List<String> args, Map<String, String> env,
            List<String> wrapper) {
        this.prefix = prefix;
        this.daemon = daemon;
        this.args = args;
        this.env = env;
        this.wrapper = wrapper;
    }

    /** Starts virtqemud under {@code prefix} and waits for its rw socket. */
    public static VirtqemudProcess start(Path prefix, String... args) throws IOException {
        return start(prefix, "virtqemud", Map.of(), args);
    }

    public static VirtqemudProcess start(Path prefix, String daemon, Map<String, String> env, String... args)
            throws IOException {
        VirtqemudProcess p = new VirtqemudProcess(prefix, daemon, List.of(args), env, List.of());
        p.launch();
        return p;
    }

    /**
     * Starts virtqemud through {@code wrapper} (e.g. {@code ip netns exec NS}, which runs it in a
     * network namespace of the test's own).
     */
    public static VirtqemudProcess startWrapped(Path prefix, List<String> wrapper, String... args)
            throws IOException {
        VirtqemudProcess p = new VirtqemudProcess(prefix, "virtqemud", List.of(args), Map.of(), List.copyOf(wrapper));
        p.launch();
        return p;
    }

    /** The repository root (the {@code virtd.repo} property the build sets, else the working dir's parent). */
    public static Path repo() {
        String r = System.getProperty("virtd.repo");
        return (r != null ? Path.of(r) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
    }

    public static Path launcher(String daemon) {
        return repo().resolve("bin").resolve(daemon);
    }

    private void launch() throws IOException {
        Files.createDirectories(prefix);
        if (daemon.equals("virtqemud")) {
            LabQemuConf.ensure(prefix);
        }
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(launcher(daemon).toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(prefix.resolve("daemon.log").toFile()))
                .redirectErrorStream(true);
        pb.environment().put("VIRTD_PREFIX", prefix.toString());
        pb.environment().remove("NOTIFY_SOCKET");
        pb.environment().putAll(env);
        process = pb.start();
        waitForSocket();
    }

    private void waitForSocket() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(socket()) && process.isAlive() && answers(socket(), deadline)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException(daemon + " exited with " + process.exitValue() + ": " + log());
            }
            sleep(20);
        }
        close();
        throw new IOException(daemon + " did not create " + socket() + " within " + START_TIMEOUT + ": " + log());
    }

    /**
     * True when the daemon answers a call on {@code socket}: the socket file alone is not enough,
     * since the kernel queues connections from bind on, before the daemon has bound its other
     * listeners (TCP, TLS) and begun accepting.
     */
    private static boolean answers(Path socket, long deadline) {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        try (WireClient c = WireClient.connect(socket).deadline(Duration.ofMillis(left))) {
            c.call(RemoteProgram.AUTH_LIST, null);
            return true;
        } catch (IOException e) {
            return false;
        } catch (WireClient.CallFailed e) {
            return true; // an error reply is an answer too
        }
    }

    /** Restarts the daemon with the same prefix and arguments (after {@link #close} or {@link #kill}). */
    public void restart() throws IOException {
        if (process != null && process.isAlive()) {
            close();
        }
        launch();
    }

    public Path prefix() {
        return prefix;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public Path runDir() {
        return prefix.resolve("run/libvirt");
    }

    public Path socket() {
        return runDir().resolve(sockPrefix() + "-sock");
    }

    public Path roSocket() {
        return runDir().resolve(sockPrefix() + "-sock-ro");
    }

    public Path adminSocket() {
        return runDir().resolve(sockPrefix() + "-admin-sock");
    }

    private String sockPrefix() {
        return daemon.equals("virtproxyd") ? "libvirt" : daemon;
    }

    public String uri() {
        return "qemu+unix:///system?socket=" + socket();
    }

    public String roUri() {
        return "qemu+unix:///system?socket=" + roSocket();
    }

    public String adminUri() {
        return daemon + "+unix:///system?socket=" + adminSocket();
    }

    public String log() {
        try {
            return Files.readString(prefix.resolve("daemon.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** SIGKILL, as a crash would; sockets and PID file stay behind. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitExit(Duration.ofSeconds(10));
        }
    }

    /** SIGTERM, then SIGKILL after a bound. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitExit(Duration.ofSeconds(15))) {
            process.destroyForcibly();
            waitExit(Duration.ofSeconds(5));
        }
    }

    private boolean waitExit(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
