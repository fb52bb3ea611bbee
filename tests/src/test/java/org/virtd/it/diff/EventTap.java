package org.virtd.it.diff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A python event client ({@code events.py}) registered for every domain event id while a
 * scenario runs. After the steps it waits for the events to settle (quiet for a second, at
 * most eight) and returns what arrived, in order.
 */
final class EventTap implements AutoCloseable {
    private static final long QUIET_MS = 1000;
    private static final long SETTLE_LIMIT_MS = 8000;
    private static final long READY_LIMIT_MS = 15000;

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private long lastLine = System.nanoTime();
    private boolean ready;

    private EventTap(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "event-tap");
        reader.setDaemon(true);
        reader.start();
    }

    static EventTap open(Path diffDir, Target target) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", diffDir.resolve("events.py").toString())
                .redirectErrorStream(true);
        pb.environment().put("URI", target.uri());
        EventTap tap = new EventTap(pb.start());
        tap.awaitReady();
        return tap;
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (this) {
                    if (line.equals("READY")) {
                        ready = true;
                    } else {
                        lines.add(line);
                    }
                    lastLine = System.nanoTime();
                    notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process ended: what arrived is what there is
        }
    }

    private synchronized void awaitReady() throws InterruptedException {
        long deadline = System.currentTimeMillis() + READY_LIMIT_MS;
        while (!ready && process.isAlive() && System.currentTimeMillis() < deadline) {
            wait(100);
        }
        if (!ready) {
            lines.add("event client not ready within " + READY_LIMIT_MS / 1000 + " s");
        }
    }

    /** The events seen, once quiet for a second since the steps ended (bounded). */
    synchronized List<String> settle() throws InterruptedException {
        long deadline = System.currentTimeMillis() + SETTLE_LIMIT_MS;
        long stepsEnded = System.nanoTime();
        while (System.currentTimeMillis() < deadline
                && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - Math.max(lastLine, stepsEnded)) < QUIET_MS) {
            wait(100);
        }
        return List.copyOf(lines);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
