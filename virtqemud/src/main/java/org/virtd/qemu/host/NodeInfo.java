package org.virtd.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host facts of NODE_GET_INFO (libvirt's virNodeInfo), read from /proc and /sys the way
 * libvirt's nodeinfo does: CPU model is the architecture name, memory in KiB, frequency in MHz,
 * and the topology as sockets per NUMA node, cores per socket and threads per core.
 */
public record NodeInfo(String model, long memoryKiB, int cpus, int mhz, int nodes, int sockets, int cores,
                       int threads) {

    private static final Pattern MHZ = Pattern.compile("^cpu MHz\\s*:\\s*([0-9.]+)", Pattern.MULTILINE);

    public static NodeInfo read() {
        String arch = org.virtd.qemu.caps.HostCapabilities.hostArchOf(System.getProperty("os.arch"));
        long mem = memTotalKiB();
        int cpus = Runtime.getRuntime().availableProcessors();
        int mhz = readMhz();
        int nodes = Math.max(1, countDirs(Path.of("/sys/devices/system/node"), "node\\d+"));
        Topology t = Topology.read(cpus);
        return new NodeInfo(arch, mem, cpus, mhz, nodes, Math.max(1, t.sockets / nodes), t.cores, t.threads);
    }

    static long memTotalKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Free memory in bytes (MemAvailable is what libvirt's caller cares about; libvirt uses MemFree). */
    public static long freeMemoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemFree:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static int readMhz() {
        try {
            Path max = Path.of("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
            if (Files.isReadable(max)) {
                return (int) (Long.parseLong(Files.readString(max).trim()) / 1000);
            }
            Matcher m = MHZ.matcher(Files.readString(Path.of("/proc/cpuinfo")));
            if (m.find()) {
                return (int) Double.parseDouble(m.group(1));
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static int countDirs(Path dir, String regex) {
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().matches(regex)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Sockets, cores per socket and threads per core from the sysfs topology of online CPUs. */
    record Topology(int sockets, int cores, int threads) {
        static Topology read(int cpus) {
            Set<String> packages = new HashSet<>();
            Set<String> coreIds = new HashSet<>();
            int seen = 0;
            for (int i = 0; i < cpus; i++) {
                Path topo = Path.of("/sys/devices/system/cpu/cpu" + i + "/topology");
                try {
                    String pkg = Files.readString(topo.resolve("physical_package_id")).trim();
                    String core = Files.readString(topo.resolve("core_id")).trim();
                    packages.add(pkg);
                    coreIds.add(pkg + ":" + core);
                    seen++;
                } catch (IOException e) {
                    // offline or missing: counted as part of what we saw
                }
            }
            if (seen == 0) {
                return new Topology(1, cpus, 1);
            }
            int sockets = Math.max(1, packages.size());
            int cores = Math.max(1, coreIds.size() / sockets);
            int threads = Math.max(1, seen / (sockets * cores));
            return new Topology(sockets, cores, threads);
        }
    }

    /** Lines for tests and logs. */
    public List<String> describe() {
        return List.of("model " + model, "memory " + memoryKiB + " KiB", "cpus " + cpus, "mhz " + mhz,
                "nodes " + nodes, "sockets " + sockets, "cores " + cores, "threads " + threads);
    }
}
