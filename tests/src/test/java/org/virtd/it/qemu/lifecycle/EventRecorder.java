package org.virtd.it.qemu.lifecycle;

import org.virtd.it.harness.Cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A python-libvirt event client (events.py: the default event loop in a thread) running beside
 * a test, recording lifecycle and reboot events as numbers in a file.
 */
final class EventRecorder implements AutoCloseable {
    private final Process process;
    private final Path out;

    private EventRecorder(Process process, Path out) {
        this.process = process;
        this.out = out;
    }

    static EventRecorder start(String uri, Path dir) throws IOException {
        return start(uri, dir, "events.py");
    }

    /** The same with another client script of this package that prints "ready" once registered. */
    static EventRecorder start(String uri, Path dir, String client) throws IOException {
        Cli.requireTool("/usr/bin/python3");
        Path script = resource(client, dir);
        String base = client.replace(".py", "");
        Path out = dir.resolve(base + ".txt");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), uri)
                .redirectOutput(out.toFile()).redirectError(dir.resolve(base + ".err").toFile()).start();
        EventRecorder r = new EventRecorder(p, out);
        TinyGuest.await(() -> r.lines().contains("ready") || !p.isAlive(), Duration.ofSeconds(20),
                "the event client did not register");
        if (!p.isAlive()) {
            throw new AssertionError("event client failed: " + Files.readString(dir.resolve(base + ".err")));
        }
        return r;
    }

    /** Copies a test resource of this package to {@code dir}. */
    static Path resource(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = EventRecorder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    List<String> lines() {
        try {
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The events of {@code name}: {@code "4 0"} for lifecycle, {@code "reboot"} for reboot. */
    /** The event client's process id. */
    long pid() {
        return process.pid();
    }

    List<String> of(String name) {
        return lines().stream().map(l -> l.split(" ")).filter(w -> w.length >= 2 && w[1].equals(name))
                .map(w -> w[0].equals("reboot") ? "reboot" : w[2] + " " + w[3])
                .toList();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
