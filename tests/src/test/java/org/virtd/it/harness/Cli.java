package org.virtd.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real client command (virsh, virt-admin, python3) with a bound, capturing its exit status
 * and output. A missing tool fails the test loudly under CI=true and aborts it otherwise.
 */
public final class Cli {
    private Cli() {
    }

    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public static Result run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        requireTool(cmd.get(0));
        Path outFile = Files.createTempFile("cli", ".out");
        Path errFile = Files.createTempFile("cli", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                    Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }

    public static Result virsh(String uri, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("virsh", "-c", uri));
        cmd.addAll(List.of(args));
        return run(cmd, 60);
    }

    public static Result python(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        cmd.addAll(List.of(args));
        return run(cmd, 60);
    }

    /**
     * The tool's path. A missing tool fails the test under CI=true (CI must install it, see
     * .ci/run) and skips it elsewhere, with the reason.
     */
    public static Path requireTool(String tool) {
        Path found = tool.contains("/") ? (Files.isExecutable(Path.of(tool)) ? Path.of(tool) : null) : onPath(tool);
        if (found == null) {
            String why = "required tool not installed: " + tool;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + " (CI must install it: see .ci/run)");
            }
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        return found;
    }

    private static Path onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool);
            }
        }
        return null;
    }
}
