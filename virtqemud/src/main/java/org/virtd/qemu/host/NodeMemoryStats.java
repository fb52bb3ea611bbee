package org.virtd.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host memory counters as NODE_GET_MEMORY_STATS reports them, in KiB: {@code total},
 * {@code free}, {@code buffers} and {@code cached} from {@code /proc/meminfo} for the whole
 * host, or those of them a NUMA node's {@code meminfo} has ("Node 0 MemTotal: …") for one cell.
 */
public final class NodeMemoryStats {
    /** The count answered to the two-pass count query, whatever the cell. */
    public static final int COUNT = 4;
    private static final Map<String, String> FIELDS = Map.of(
            "MemTotal", "total", "MemFree", "free", "Buffers", "buffers", "Cached", "cached");
    private static final List<String> ORDER = List.of("total", "free", "buffers", "cached");

    private NodeMemoryStats() {
    }

    public static Map<String, Long> read(Path meminfo) throws IOException {
        return parse(Files.readAllLines(meminfo));
    }

    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String line : lines) {
            String l = line.startsWith("Node ") ? line.replaceFirst("^Node \\d+ ", "") : line;
            int colon = l.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = FIELDS.get(l.substring(0, colon).trim());
            if (name != null) {
                found.put(name, Long.parseLong(l.substring(colon + 1).replaceAll("[^0-9]", "")));
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : ORDER) {
            if (found.containsKey(k)) {
                out.put(k, found.get(k));
            }
        }
        return out;
    }
}
