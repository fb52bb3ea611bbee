package org.virtd.it.gui;

import org.virtd.it.harness.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real virt-manager, connected to {@code qemu:///system} and showing a guest's console. It
 * runs in a private mount namespace where a tmpfs covers /run and the daemon's socket directory
 * is bound at /run/libvirt: for virt-manager the connection is then local, so it asks for the
 * display with virDomainOpenGraphicsFD as it does on a real host, and nothing on the host is
 * touched. Its disk and memory graphs are switched on (they are off by default), so it polls
 * getAllDomainStats with the balloon and block groups. Its debug log is kept, and its libvirt
 * client library logs the domain API calls it makes; {@link #close} ends it and everything it
 * started.
 */
final class VirtManagerRun implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** virt-manager's preferences for the graphs, as GLib's keyfile settings backend reads them. */
    private static final String STATS_SETTINGS = "[org/virt-manager/virt-manager/stats]\n"
            + "enable-disk-poll=true\nenable-memory-poll=true\n";
    /** libvirt's client log line of a getAllDomainStats call: its stats groups. */
    private static final Pattern ALL_STATS_CALL = Pattern.compile("virConnectGetAllDomainStats:\\d+ : .*stats=(0x[0-9a-f]+)");

    private final Process process;
    private final Path log;
    private final Path clientLog;

    private VirtManagerRun(Process process, Path log, Path clientLog) {
        this.process = process;
        this.log = log;
        this.clientLog = clientLog;
    }

    static VirtManagerRun showConsole(Path work, int display, Path socketDir, String domain) throws IOException {
        Files.createDirectories(work.resolve("home"));
        Path ns = work.resolve("in-namespace.sh");
        Files.writeString(ns, "#!/bin/sh\nset -e\nmount -t tmpfs tmpfs /run\nmkdir -p /run/libvirt\n"
                + "mount --bind \"$1\" /run/libvirt\nshift\nexec \"$@\"\n");
        ns.toFile().setExecutable(true);
        Path log = work.resolve("virt-manager.log");
        Path clientLog = work.resolve("libvirt-client.log");
        Path settings = work.resolve("home/.config/glib-2.0/settings/keyfile");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, STATS_SETTINGS);
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
        pb.environment().put("GSETTINGS_BACKEND", "keyfile");
        pb.environment().put("LIBVIRT_LOG_FILTERS", "1:libvirt.domain");
        pb.environment().put("LIBVIRT_LOG_OUTPUTS", "1:file:" + clientLog);
        pb.environment().put("NO_AT_BRIDGE", "1");
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        return new VirtManagerRun(pb.start(), log, clientLog);
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

    /**
     * Waits (bounded) for virt-manager's stats polls and returns the stats groups of each
     * getAllDomainStats call its client library made, in order.
     */
    List<Integer> awaitStatsCalls(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Integer> calls = statsCalls();
        while (calls.size() < 2 && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(500);
            calls = statsCalls();
        }
        return calls;
    }

    private List<Integer> statsCalls() throws IOException {
        if (!Files.exists(clientLog)) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (String line : Files.readAllLines(clientLog)) {
            Matcher m = ALL_STATS_CALL.matcher(line);
            if (m.find()) {
                out.add(Integer.decode(m.group(1)));
            }
        }
        return out;
    }

    /** What virt-manager's stats code logs when a stats call fails (at debug level, so not among the errors). */
    List<String> statsErrors() throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("Error call getAllDomainStats")
                || l.contains("does not support getAllDomainStats") || l.contains("Error reading mem stats")
                || l.contains("Error in blockStats") || l.contains("Error setting memstats period")).toList();
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
