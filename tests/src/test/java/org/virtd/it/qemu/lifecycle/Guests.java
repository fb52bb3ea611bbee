package org.virtd.it.qemu.lifecycle;

import org.virtd.it.harness.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * virsh shorthands for these tests and the cleanup every test ends with: whatever QEMU was
 * started under a test prefix is killed (found by its monitor path in {@code /proc/PID/cmdline}).
 */
final class Guests {
    private Guests() {
    }

    static String state(String uri, String name) throws IOException, InterruptedException {
        Cli.Result r = Cli.virsh(uri, "domstate", "--reason", name);
        return r.exit() == 0 ? r.out().trim() : "error: " + r.err().trim();
    }

    static boolean stateIs(String uri, String name, String expected) {
        try {
            return state(uri, name).equals(expected);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Cli.Result ok(String uri, String... args) throws IOException, InterruptedException {
        Cli.Result r = Cli.virsh(uri, args);
        if (r.exit() != 0) {
            throw new AssertionError("virsh " + String.join(" ", args) + " failed: " + r.all());
        }
        return r;
    }

    /** Runs qemu-img with {@code args} (bounded), failing the test when it fails. */
    static Cli.Result img(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("qemu-img"));
        cmd.addAll(List.of(args));
        Cli.Result r = Cli.run(cmd, 60);
        if (r.exit() != 0) {
            throw new AssertionError("qemu-img " + String.join(" ", args) + " failed: " + r.all());
        }
        return r;
    }

    /**
     * Types {@code command} on the console of guest {@code name} (console_cmd.py, bounded) and
     * returns what the script printed: "seen True" once {@code expect} appeared in the output.
     */
    static String console(String uri, String name, Path workDir, String command, String expect)
            throws IOException, InterruptedException {
        Path script = EventRecorder.resource("console_cmd.py", workDir);
        return Cli.run(List.of("/usr/bin/python3", script.toString(), uri, name, command, expect), 60).out();
    }

    /** Pids of QEMUs whose command line mentions {@code prefix}. */
    static List<Long> qemusUnder(Path prefix) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String pid = p.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    if (cmd.contains("qemu-system") && cmd.contains(prefix.toString())) {
                        out.add(Long.parseLong(pid));
                    }
                } catch (IOException gone) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    static void killQemusUnder(Path prefix) {
        for (long pid : qemusUnder(prefix)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
