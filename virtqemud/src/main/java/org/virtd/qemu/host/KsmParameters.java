package org.virtd.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel same-page merging knobs and counters NODE_GET_MEMORY_PARAMETERS reports, read from
 * {@code /sys/kernel/mm/ksm}: each parameter is named {@code shm_<file>} and is either a 32-bit
 * tunable or a 64-bit counter.
 */
public final class KsmParameters {
    public static final Path DIR = Path.of("/sys/kernel/mm/ksm");

    /** One parameter: its file, and whether libvirt types it as an unsigned 64-bit counter. */
    public record Param(String file, boolean counter) {
        public String field() {
            return "shm_" + file;
        }
    }

    public static final List<Param> PARAMS = List.of(
            new Param("pages_to_scan", false), new Param("sleep_millisecs", false),
            new Param("pages_shared", true), new Param("pages_sharing", true),
            new Param("pages_unshared", true), new Param("pages_volatile", true),
            new Param("full_scans", true), new Param("merge_across_nodes", false));

    private KsmParameters() {
    }

    public static long value(Path dir, Param p) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(p.file())).trim());
    }
}
