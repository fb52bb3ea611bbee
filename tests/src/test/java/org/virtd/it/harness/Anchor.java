package org.virtd.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real libvirtd 9.0, started by {@code ../shared/anchor/anchor-up.sh} on private sockets in
 * its own mount namespace: the oracle tests compare our daemons with. {@link #close} stops it
 * and the guests it started.
 */
public final class Anchor implements AutoCloseable {
    private static final String LIBVIRTD = "/usr/sbin/libvirtd";

    private final Path state;
    private final Path qemuConf;
    private final String uri;
    private final Map<String, String> env;

    private Anchor(Path state, Path qemuConf, String uri, Map<String, String> env) {
        this.state = state;
        this.qemuConf = qemuConf;
        this.uri = uri;
        this.env = env;
    }

    /** Starts libvirtd with its state under {@code state}; a missing libvirtd fails loudly in CI. */
    public static Anchor start(Path state) throws IOException, InterruptedException {
        return start(state, null);
    }

    /** Starts libvirtd as {@link #start(Path)} does, with {@code qemuConf} as its qemu.conf (null: the lab one). */
    public static Anchor start(Path state, Path qemuConf) throws IOException, InterruptedException {
        return start(state, qemuConf, Map.of());
    }

    /** Starts libvirtd with {@code env} added to its environment (e.g. DBUS_SYSTEM_BUS_ADDRESS). */
    public static Anchor start(Path state, Path qemuConf, Map<String, String> env)
            throws IOException, InterruptedException {
        Cli.requireTool(LIBVIRTD);
        Files.createDirectories(state);
        Cli.Result r = up(state, qemuConf, env);
        if (r.exit() != 0) {
            throw new AssertionError("anchor-up.sh failed (" + r.exit() + "): " + r.all());
        }
        String uri = r.out().lines().filter(l -> l.startsWith("URI=")).map(l -> l.substring(4)).findFirst()
                .orElseThrow(() -> new AssertionError("anchor-up.sh printed no URI: " + r.all()));
        return new Anchor(state, qemuConf, uri, env);
    }

    private static Cli.Result up(Path state, Path qemuConf, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/env"));
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        if (qemuConf != null) {
            cmd.add("ANCHOR_QEMU_CONF=" + qemuConf.toAbsolutePath());
        }
        cmd.addAll(List.of(scripts().resolve("anchor-up.sh").toString(), state.toString()));
        return Cli.run(cmd, 90);
    }

    /**
     * SIGKILL of libvirtd, as a crash would, then anchor-up.sh again on the same state: its
     * guests run on and the new libvirtd reconnects to them.
     */
    public void killAndRestart() throws IOException, InterruptedException {
        Path pidFile = state.resolve("libvirtd.pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (running(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Cli.Result r = up(state, qemuConf, env);
        if (r.exit() != 0) {
            throw new AssertionError("anchor-up.sh failed after the kill (" + r.exit() + "): " + r.all());
        }
    }

    /** Alive and not a zombie waiting to be reaped. */
    private static boolean running(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        try {
            return Files.readAllLines(status).stream().noneMatch(l -> l.startsWith("State:") && l.contains("Z"));
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    public String uri() {
        return uri;
    }

    /** The directory holding libvirt-sock, libvirt-sock-ro and libvirt-admin-sock. */
    public Path socketDir() {
        return state.resolve("sock");
    }

    public Path log() {
        return state.resolve("log/libvirtd.log");
    }

    private static Path scripts() {
        return VirtqemudProcess.repo().getParent().resolve("shared/anchor");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(scripts().resolve("anchor-down.sh").toString(), state.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}
