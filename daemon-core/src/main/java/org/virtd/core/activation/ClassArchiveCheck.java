package org.virtd.core.activation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's fast path (bin/virtd-launch.sh) reuses the JVM options it recorded while the java
 * binary and the jars look unchanged by their file times, which an in-place JDK update can fool.
 * The JVM itself then declines the class-data archive and starts without it, silently. This
 * check notices that, off the start-up path: when the archive the launcher named
 * ({@code -Dvirtd.cds.archive}) is not mapped into this process, it deletes the archive and the
 * launch record ({@code -Dvirtd.cds.record}), so the next start trains and dumps a fresh one.
 */
public final class ClassArchiveCheck {
    private static final Path MAPS = Path.of("/proc/self/maps");

    private ClassArchiveCheck() {
    }

    /** Drops a stale archive and its launch record; does nothing when the launcher named none. */
    public static void dropIfUnmapped() {
        String archive = System.getProperty("virtd.cds.archive");
        String record = System.getProperty("virtd.cds.record");
        if (archive == null || record == null) {
            return;
        }
        try {
            // maps names files by their real path
            String real = Path.of(archive).toRealPath().toString();
            if (!mapped(Files.readString(MAPS, StandardCharsets.ISO_8859_1), real)) {
                Files.deleteIfExists(Path.of(record));
                Files.deleteIfExists(Path.of(archive));
            }
        } catch (IOException | RuntimeException e) {
            // no verdict: leave both for the next start
        }
    }

    /** Whether a line of {@code maps} (the /proc/PID/maps format) maps {@code file}. */
    static boolean mapped(String maps, String file) {
        String suffix = " " + file;
        for (String line : maps.split("\n")) {
            if (line.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
