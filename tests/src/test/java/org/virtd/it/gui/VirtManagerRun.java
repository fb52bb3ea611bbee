package org.virtd.it.gui;

import org.virtd.it.harness.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real virt-manager, connected to {@code qemu:///system} and showing a guest's console. It
 * runs in a private mount namespace where a tmpfs covers /run and the daemon's socket directory
 * is bound at /run/libvirt: for virt-manager the connection is then local, so it asks for the
 * display with virDomainOpenGraphicsFD as it does on a real host, and nothing on the host is
 * touched. Its debug log is kept; {@link #close} ends it and everything it started.
 */
final class VirtManagerRun implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;

    private VirtManagerRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static VirtManagerRun showConsole(Path work, int display, Path socketDir, String domain) throws IOException {
        Files.createDirectories(work.resolve("home"));
        Path ns = work.resolve("in-namespace.sh");
        Files.writeString(ns, "#!/bin/sh\nset -e\nmount -t tmpfs tmpfs /run\nmkdir -p /run/libvirt\n"
                + "mount --bind \"$1\" /run/libvirt\nshift\nexec \"$@\"\n");
        ns.toFile().setExecutable(true);
        Path log = work.resolve("virt-manager.log");
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "5", Long.toString(LIMIT.toSeconds()),
                Cli.requireTool("unshare").toString(), "-m", ns.toString(), socketDir.toString(),
                Cli.requireTool("dbus-run-session").toString(), "--",
                Cli.requireTool("virt-manager").toString(), "--no-fork", "--debug",
                "--connect", "qemu:///system", "--show-domain-console", domain));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", ":" + display);
        pb.environment().put("HOME", work.resolve("home").toString());
        pb.environment().put("XDG_CACHE_HOME", work.resolve("home/.cache").toString());
        pb.environment().put("XDG_CONFIG_HOME", work.resolve("home/.config").toString());
        pb.environment().put("GSETTINGS_BACKEND", "memory");
        pb.environment().put("NO_AT_BRIDGE", "1");
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        return new VirtManagerRun(pb.start(), log);
    }

    /** Waits (bounded) until the console's viewer connected or failed; true if it connected. */
    boolean awaitViewer() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            String text = Files.readString(log);
            if (text.contains("Viewer connected")) {
                return true;
            }
            if (text.contains("Error connecting to graphical console")) {
                return false;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The log's ERROR lines without their time stamps and pids, for comparison between runs. */
    List<String> errors() throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(" ERROR ") || l.startsWith("ERROR"))
                .map(l -> l.replaceFirst("^\\[[^\\]]*\\]\\s*", "")).toList();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
