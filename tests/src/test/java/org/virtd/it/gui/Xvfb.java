package org.virtd.it.gui;

import org.virtd.it.harness.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A private X server (Xvfb, no TCP, no access control needed for local clients) and its screenshots. */
final class Xvfb implements AutoCloseable {
    private final Process process;
    private final int display;

    private Xvfb(Process process, int display) {
        this.process = process;
        this.display = display;
    }

    static Xvfb start(Path work) throws IOException, InterruptedException {
        int display = 90;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + display)) || Files.exists(Path.of("/tmp/.X" + display + "-lock"))) {
            display++;
        }
        Process p = new ProcessBuilder(Cli.requireTool("Xvfb").toString(), ":" + display, "-screen", "0", "1024x768x24",
                "-nolisten", "tcp").redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
        Xvfb x = new Xvfb(p, display);
        for (int i = 0; i < 100 && !Files.exists(Path.of("/tmp/.X11-unix/X" + display)); i++) {
            if (!p.isAlive()) {
                throw new AssertionError("Xvfb exited: " + Files.readString(work.resolve("xvfb.log")));
            }
            Thread.sleep(100);
        }
        return x;
    }

    int display() {
        return display;
    }

    XwdImage screenshot(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(Cli.requireTool("xwd").toString(), "-root", "-silent",
                "-display", ":" + display)).redirectOutput(file.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("xwd failed");
        }
        return XwdImage.read(file);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
