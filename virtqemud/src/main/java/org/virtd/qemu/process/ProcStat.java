package org.virtd.qemu.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One process's or thread's line of {@code /proc/PID[/task/TID]/stat} and its run-queue delay
 * from {@code schedstat}: what libvirt reports as CPU times, last CPU, RSS and vCPU delay.
 * Times are in nanoseconds (the clock ticks of stat converted at 100 Hz, Linux's USER_HZ).
 */
public record ProcStat(char state, long userNanos, long systemNanos, int processor, long rssKiB, long delayNanos) {
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final long PAGE_KIB = 4;

    public long cpuNanos() {
        return userNanos + systemNanos;
    }

    /** The whole process ({@code tid} 0) or one of its threads; null when it is gone. */
    public static ProcStat of(long pid, long tid) {
        Path dir = tid == 0 ? Path.of("/proc/" + pid) : Path.of("/proc/" + pid + "/task/" + tid);
        return read(dir);
    }

    /** This daemon itself (what libvirt reports as the CPU time of an inactive domain). */
    public static ProcStat self() {
        return read(Path.of("/proc/self"));
    }

    private static ProcStat read(Path dir) {
        String line;
        try {
            line = Files.readString(dir.resolve("stat"));
        } catch (IOException e) {
            return null;
        }
        // The command name may hold spaces and parentheses: the fields start after the last ')'.
        String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state); field N is f[N - 3].
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        long rss = Long.parseLong(f[21]);
        int cpu = f.length > 36 ? Integer.parseInt(f[36]) : 0;
        return new ProcStat(f[0].charAt(0), utime * NANOS_PER_TICK, stime * NANOS_PER_TICK, cpu, rss * PAGE_KIB,
                delay(dir));
    }

    private static long delay(Path dir) {
        try {
            String[] f = Files.readString(dir.resolve("schedstat")).trim().split(" ");
            return f.length > 1 ? Long.parseLong(f[1]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
