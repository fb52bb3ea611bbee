package org.virtd.core.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Traditional mode ({@code -d}, daemons.md §4) for a JVM, which cannot fork: the daemon re-executes
 * its own command line (from {@code /proc/self/cmdline}, without {@code -d}, without the
 * {@code LISTEN_*} variables and any CDS-dump flag) under {@code setsid}, in {@code /}, with stdin
 * and stderr on /dev/null and stdout as the readiness pipe ({@link StatusPipe}); this parent exits 0
 * when the child reports success, else prints libvirt's message and exits 1.
 */
final class Daemonizer {

    private Daemonizer() {
    }

    static int spawnAndWait(String argv0, String[] args, Map<String, String> env, PrintStream err) {
        List<String> command;
        try {
            command = childCommand(args);
        } catch (IOException e) {
            err.println(argv0 + ": error: " + ExitCode.REEXEC.text() + ": " + e.getMessage());
            return ExitCode.FAILURE;
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("/").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        for (String v : org.virtd.core.activation.Activation.VARIABLES) {
            pb.environment().remove(v);
        }
        pb.environment().put(StatusPipe.VARIABLE, "1");
        int status;
        String detail = "";
        try {
            Process child = pb.start();
            try (InputStream in = child.getInputStream()) {
                status = in.read();
                if (status > 0) {
                    detail = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
                }
            }
        } catch (IOException e) {
            err.println(argv0 + ": error: unable to determine if daemon is running: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        if (status < 0) {
            err.println(argv0 + ": error: unable to determine if daemon is running: daemon exited without status");
            return ExitCode.FAILURE;
        }
        if (status != 0) {
            ExitCode code = ExitCode.of(status);
            String text = code == null ? "Unknown failure" : code.text();
            err.println(argv0 + ": error: " + text
                    + ". Check /var/log/messages or run without --daemon for more info.");
            if (!detail.isEmpty()) {
                err.println(argv0 + ": " + detail);
            }
            return ExitCode.FAILURE;
        }
        return 0;
    }

    static List<String> childCommand(String[] args) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        List<String> argv = new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0", -1)));
        if (!argv.isEmpty() && argv.get(argv.size() - 1).isEmpty()) {
            argv.remove(argv.size() - 1);
        }
        int jvmPart = argv.size() - args.length;
        if (jvmPart < 1 || !argv.subList(jvmPart, argv.size()).equals(Arrays.asList(args))) {
            throw new IOException("cannot rebuild the command line from /proc/self/cmdline");
        }
        List<String> command = new ArrayList<>();
        command.add("setsid");
        for (String a : argv.subList(0, jvmPart)) {
            if (!a.startsWith("-XX:ArchiveClassesAtExit")) {
                command.add(a);
            }
        }
        command.addAll(ArgRewriter.forChild(Arrays.asList(args), Path.of("").toAbsolutePath()));
        return command;
    }
}
