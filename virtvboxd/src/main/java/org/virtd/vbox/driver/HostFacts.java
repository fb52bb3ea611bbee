package org.virtd.vbox.driver;

import org.virtd.rpc.remote.types.NodeInfo;
import org.virtd.vbox.mapping.MachineDomain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host facts of NODE_GET_INFO and CONNECT_GET_HOSTNAME, read from /proc and /sys as
 * libvirt's nodeinfo does (the vbox driver answers them with the same host code as every
 * driver). Adapted from virtqemud's host package until both share one.
 */
final class HostFacts {
    private static final Pattern MHZ = Pattern.compile("^cpu MHz\\s*:\\s*([0-9.]+)", Pattern.MULTILINE);

    private HostFacts() {
    }

    static NodeInfo nodeInfo() {
        int cpus = Runtime.getRuntime().availableProcessors();
        Set<String> packages = new HashSet<>();
        Set<String> cores = new HashSet<>();
        for (int i = 0; i < cpus; i++) {
            Path topo = Path.of("/sys/devices/system/cpu/cpu" + i + "/topology");
            try {
                String pkg = Files.readString(topo.resolve("physical_package_id")).trim();
                packages.add(pkg);
                cores.add(pkg + ":" + Files.readString(topo.resolve("core_id")).trim());
            } catch (IOException e) {
                // offline CPU: not counted
            }
        }
        int sockets = Math.max(1, packages.size());
        int coresPerSocket = cores.isEmpty() ? cpus : Math.max(1, cores.size() / sockets);
        int threads = Math.max(1, cpus / (sockets * coresPerSocket));
        return new NodeInfo(MachineDomain.hostArch(), memTotalKiB(), cpus, mhz(), 1, sockets, coresPerSocket, threads);
    }

    static long memTotalKiB() {
        return meminfo("MemTotal:");
    }

    static long freeMemoryBytes() {
        return meminfo("MemFree:") * 1024;
    }

    private static long meminfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static int mhz() {
        try {
            Path max = Path.of("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
            if (Files.isReadable(max)) {
                return (int) (Long.parseLong(Files.readString(max).trim()) / 1000);
            }
            Matcher m = MHZ.matcher(Files.readString(Path.of("/proc/cpuinfo")));
            return m.find() ? (int) Double.parseDouble(m.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
