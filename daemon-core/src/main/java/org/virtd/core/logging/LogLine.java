package org.virtd.core.logging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * libvirt's log line layout (daemons.md §8):
 * {@code 2026-11-21 09:59:12.074+0000: 10934: error : function:line : message}, and the version
 * banner every output starts with (§14).
 */
public final class LogLine {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final long PID = ProcessHandle.current().pid();

    private LogLine() {
    }

    public static String format(Instant when, LogPriority priority, String source, String message) {
        return TIME.format(when) + ": " + PID + ": " + priority.label() + " : " + source + " : " + message + "\n";
    }

    /** The two banner messages: version and host name. */
    public static String[] banner() {
        return new String[] {
            "libvirt version: 9.0.0, package: virtd-java",
            "hostname: " + hostname(),
        };
    }

    /** The banner as log lines at info priority. */
    public static String bannerLines(Instant when) {
        StringBuilder b = new StringBuilder();
        for (String m : banner()) {
            b.append(format(when, LogPriority.INFO, "virLogVMessage:0", m));
        }
        return b.toString();
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
