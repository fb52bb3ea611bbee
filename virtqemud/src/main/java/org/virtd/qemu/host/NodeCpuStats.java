package org.virtd.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host CPU time counters as NODE_GET_CPU_STATS reports them on Linux: from a {@code /proc/stat}
 * {@code cpu} (all CPUs) or {@code cpuN} line, in nanoseconds: {@code kernel} (system + irq +
 * softirq), {@code user} (user + nice), {@code idle} and {@code iowait}.
 */
public final class NodeCpuStats {
    /** How many counters a reply holds; the answer to the two-pass count query. */
    public static final int COUNT = 4;
    /** USER_HZ, the unit of /proc/stat on every Linux architecture libvirt runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private NodeCpuStats() {
    }

    /** Counters of CPU {@code cpu} (-1 = all), or null when /proc/stat has no such line. */
    public static Map<String, Long> read(Path procStat, int cpu) throws IOException {
        return parse(Files.readAllLines(procStat), cpu);
    }

    static Map<String, Long> parse(List<String> lines, int cpu) {
        String name = cpu < 0 ? "cpu" : "cpu" + cpu;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || !f[0].equals(name)) {
                continue;
            }
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long ns = 1_000_000_000L / TICKS_PER_SECOND;
            Map<String, Long> out = new LinkedHashMap<>();
            out.put("kernel", (system + irq + softirq) * ns);
            out.put("user", (user + nice) * ns);
            out.put("idle", idle * ns);
            out.put("iowait", iowait * ns);
            return out;
        }
        return null;
    }
}
