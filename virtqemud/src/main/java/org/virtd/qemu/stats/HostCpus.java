package org.virtd.qemu.stats;

import org.virtd.qemu.host.CpuList;

import java.io.IOException;
import java.util.BitSet;

/**
 * The host's CPU count as libvirt sizes CPU maps (one past the highest present CPU, from
 * {@code /sys/devices/system/cpu/present}); read once.
 */
public final class HostCpus {
    private static final int COUNT = read();

    private HostCpus() {
    }

    public static int count() {
        return COUNT;
    }

    /** All host CPUs: the affinity an unpinned thread reports. */
    public static BitSet all() {
        BitSet b = new BitSet();
        b.set(0, COUNT);
        return b;
    }

    private static int read() {
        try {
            int count = CpuList.read(CpuList.SYS_CPU.resolve("present")).length();
            return count > 0 ? count : Runtime.getRuntime().availableProcessors();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
