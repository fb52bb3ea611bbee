package org.virtd.it.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs steps as real client processes: virsh and shell commands through bash, python steps
 * through {@code pystep.py}. Every process is bounded; one that overruns is killed and its
 * result says so, which then differs from the other daemon's (or matches, if both hang).
 */
final class StepRunner {
    private static final Duration STEP_LIMIT = Duration.ofSeconds(90);
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private final Path diffDir;
    private final Placeholders placeholders;

    StepRunner(Path diffDir, Placeholders placeholders) {
        this.diffDir = diffDir;
        this.placeholders = placeholders;
    }

    /** The step's raw result: {@code exit N}, then stdout and stderr when not empty. */
    String run(Step step, Target target, Path work) throws IOException, InterruptedException {
        String text = placeholders.fill(step.text(), work);
        return switch (step.kind()) {
            case VIRSH -> exec(List.of("bash", "-c", "virsh -c \"$URI\" " + text), null, target, work);
            case SHELL -> exec(List.of("bash", "-c", text), null, target, work);
            case PYTHON -> exec(List.of("/usr/bin/python3", diffDir.resolve("pystep.py").toString()), text, target, work);
            case WAIT_CONSOLE -> waitConsole(text, work);
            case SLEEP -> {
                Thread.sleep((long) (Double.parseDouble(text) * 1000));
                yield "";
            }
            case RESTART -> restart(target);
        };
    }

    private String exec(List<String> cmd, String stdin, Target target, Path work)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "step", ".out");
        Path err = Files.createTempFile(work, "step", ".err");
        Path in = Files.createTempFile(work, "step", ".in");
        try {
            Files.writeString(in, stdin == null ? "" : stdin);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(in.toFile());
            Map<String, String> env = pb.environment();
            env.put("URI", target.uri());
            env.put("WORK", work.toString());
            env.put("STATE_DIR", target.stateDir().toString());
            env.put("LC_ALL", "C.UTF-8");
            env.remove("LIBVIRT_DEFAULT_URI");
            Process p = pb.start();
            boolean done = p.waitFor(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            StringBuilder r = new StringBuilder(done ? "exit " + p.exitValue() : "TIMED OUT after " + STEP_LIMIT.toSeconds() + " s");
            r.append('\n');
            section(r, "stdout", Files.readString(out, StandardCharsets.UTF_8));
            section(r, "stderr", Files.readString(err, StandardCharsets.UTF_8));
            return r.toString();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(in);
        }
    }

    private static void section(StringBuilder r, String name, String text) {
        if (!text.isEmpty()) {
            r.append(name).append(":\n").append(text);
            if (!text.endsWith("\n")) {
                r.append("\\ no newline at end\n");
            }
        }
    }

    /** SIGKILL and a new start of the target's daemon; a failure is a difference. */
    private static String restart(Target target) {
        if (target.restart() == null) {
            return target.name() + " cannot be restarted\n";
        }
        try {
            target.restart().run();
            return "";
        } catch (Exception e) {
            return "restart of " + target.name() + " failed: " + e + "\n";
        }
    }

    /** {@code NAME TEXT [SECONDS]}: polls {@code work/NAME.console} for TEXT. */
    private static String waitConsole(String args, Path work) throws IOException, InterruptedException {
        String[] a = args.split("\\s+");
        Duration limit = a.length > 2 ? Duration.ofSeconds(Long.parseLong(a[2])) : DEFAULT_WAIT;
        Path log = work.resolve(a[0] + ".console");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(a[1])) {
                return "";
            }
            Thread.sleep(100);
        }
        return "console of " + a[0] + " did not show " + a[1] + " within " + limit.toSeconds() + " s\n";
    }
}
