package org.virtd.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The checkout's {@code bin/libvirt-guests} run under a test's {@code VIRTD_PREFIX}: its settings
 * are written to {@code PREFIX/etc/default/libvirt-guests} first, as an admin would, and each run
 * is bounded.
 */
public final class LibvirtGuestsRun {
    private final Path prefix;
    private final Map<String, String> env;

    public LibvirtGuestsRun(Path prefix, Map<String, String> env) {
        this.prefix = prefix;
        this.env = env;
    }

    public static Path script() {
        return VirtqemudProcess.repo().resolve("bin/libvirt-guests");
    }

    /** Replaces the settings file with {@code lines}. */
    public void configure(String... lines) throws IOException {
        Path file = prefix.resolve("etc/default/libvirt-guests");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    /** The saved-guests list that stop writes and start consumes. */
    public Path listFile() {
        return prefix.resolve("var/lib/libvirt/libvirt-guests");
    }

    /** Runs {@code libvirt-guests COMMAND}, output and errors together. */
    public Cli.Result run(String command, int timeoutSeconds) throws IOException, InterruptedException {
        Cli.requireTool("virsh");
        Path out = Files.createTempFile("libvirt-guests", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(script().toString(), command)
                    .redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().put("VIRTD_PREFIX", prefix.toString());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("libvirt-guests " + command + " ran longer than " + timeoutSeconds
                        + " s:\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Cli.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), "");
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
