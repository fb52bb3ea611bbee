package org.virtd.qemu.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a pid from a status file really is the domain's QEMU before a restarted daemon
 * trusts it (qemu-driver.md §7 recommendation): the process is alive and not a zombie, its
 * {@code /proc/PID/cmdline} starts with the emulator, names the guest with {@code -name guest=NAME,}
 * and uses that monitor socket path. A recycled pid fails all three.
 */
public final class QemuIdentity {
    private static final Path PROC = Path.of("/proc");

    private QemuIdentity() {
    }

    public static boolean matches(long pid, Path emulator, String name, Path monitor) {
        return alive(pid) && cmdline(pid).map(argv -> matches(argv, emulator, name, monitor)).orElse(false);
    }

    static boolean matches(List<String> argv, Path emulator, String name, Path monitor) {
        if (argv.isEmpty()) {
            return false;
        }
        Path argv0 = Path.of(argv.get(0));
        boolean isEmulator = argv0.equals(emulator) || argv0.getFileName().equals(emulator.getFileName());
        boolean named = false;
        boolean monitored = false;
        for (int i = 1; i + 1 < argv.size(); i++) {
            String flag = argv.get(i);
            List<String> opts = splitOpts(argv.get(i + 1));
            named |= flag.equals("-name") && opts.contains("guest=" + name);
            monitored |= flag.equals("-chardev") && opts.contains("id=charmonitor")
                    && opts.contains("path=" + monitor);
        }
        return isEmulator && named && monitored;
    }

    /** Splits a QemuOpts string on single commas; a doubled comma is a literal one. */
    static List<String> splitOpts(String value) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' && i + 1 < value.length() && value.charAt(i + 1) == ',') {
                cur.append(',');
                i++;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Alive and not a zombie. */
    public static boolean alive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<List<String>> cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            String s = new String(raw, StandardCharsets.UTF_8);
            if (s.endsWith("\0")) {
                s = s.substring(0, s.length() - 1);
            }
            return s.isEmpty() ? Optional.empty() : Optional.of(Arrays.asList(s.split("\0", -1)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The session id of {@code pid} (field 6 of /proc/PID/stat), or -1. */
    public static long session(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
