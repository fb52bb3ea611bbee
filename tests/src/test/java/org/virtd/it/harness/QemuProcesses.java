package org.virtd.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The QEMUs a test started, found by the test's directory on their command line: a daemon stopped
 * at the end of a test leaves its guests running (as libvirt's does), so tests end them here.
 */
public final class QemuProcesses {
    private QemuProcesses() {
    }

    /** Pids of QEMUs whose command line mentions {@code dir}. */
    public static List<Long> under(Path dir) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String pid = p.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    if (cmd.contains("qemu-system") && cmd.contains(dir.toString())) {
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

    /** Kills every QEMU {@link #under} {@code dir}. */
    public static void killUnder(Path dir) {
        for (long pid : under(dir)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
