package org.virtd.qemu.cgroup;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.util.BitSet;

/**
 * The CPU time a guest's cgroup (or one of its per-thread groups) has used, from whichever
 * backend owns cpuacct: v1's {@code cpuacct.usage}, {@code cpuacct.stat} and
 * {@code cpuacct.usage_percpu}, or v2's {@code cpu.stat}, which has no per-CPU split. All times
 * are nanoseconds.
 */
public final class CpuAccounting {
    /** USER_HZ, the unit of v1's cpuacct.stat on every Linux architecture. */
    private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

    private final DomainCgroup cg;

    /** @param cg a group that has the cpuacct controller */
    public CpuAccounting(DomainCgroup cg) {
        this.cg = cg;
    }

    /** The total CPU time of the group and everything below it. */
    public long usage() throws VirtException {
        if (cg.unified("cpuacct")) {
            return statField(read("cpu.stat"), "usage_usec", "cpu usage") * 1000;
        }
        return parse(read("cpuacct.usage"));
    }

    /** {user, system} CPU time. */
    public long[] userSystem() throws VirtException {
        if (cg.unified("cpuacct")) {
            String text = read("cpu.stat");
            return new long[] {statField(text, "user_usec", "cpu user") * 1000,
                    statField(text, "system_usec", "cpu sys") * 1000};
        }
        String text = read("cpuacct.stat");
        return new long[] {statField(text, "user", "cpu user") * NANOS_PER_TICK,
                statField(text, "system", "cpu sys") * NANOS_PER_TICK};
    }

    /**
     * The CPU time spent on each host CPU below {@code count}: the present ones ({@code present})
     * in file order, 0 for the others. The unified tree keeps no such split, and says so as
     * libvirt's v2 backend does.
     */
    public long[] perCpu(BitSet present, int count) throws VirtException {
        if (cg.unified("cpuacct")) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.CGROUP,
                    "operation 'getCpuacctPercpuUsage' not supported for backend 'cgroup V2'");
        }
        String[] f = read("cpuacct.usage_percpu").split("\\s+");
        long[] out = new long[count];
        int next = 0;
        for (int cpu = 0; cpu < count; cpu++) {
            if (present.get(cpu)) {
                if (next >= f.length || f[next].isEmpty()) {
                    throw internal("cpuacct parse error");
                }
                out[cpu] = parse(f[next++]);
            }
        }
        return out;
    }

    private String read(String file) throws VirtException {
        try {
            String text = cg.read("cpuacct", file);
            if (text == null) {
                throw new IOException("No such file or directory");
            }
            return text;
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to read from '"
                    + cg.dir("cpuacct").resolve(file) + "': " + e.getMessage());
        }
    }

    /** The number after {@code key} in a "key value" per line file. */
    private static long statField(String text, String key, String what) throws VirtException {
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[0].equals(key)) {
                return parse(f[1]);
            }
        }
        throw internal("cannot parse " + what + " stat '" + text + "'");
    }

    private static long parse(String s) throws VirtException {
        try {
            return Long.parseUnsignedLong(s.strip());
        } catch (NumberFormatException e) {
            throw internal("Failed to parse value '" + s + "' as number.");
        }
    }

    private static VirtException internal(String message) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CGROUP, message);
    }
}
