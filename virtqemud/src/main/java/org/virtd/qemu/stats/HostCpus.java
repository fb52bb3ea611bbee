package org.virtd.qemu.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            String present = Files.readString(Path.of("/sys/devices/system/cpu/present")).trim();
            int max = 0;
            for (String part : present.split(",")) {
                String last = part.contains("-") ? part.substring(part.indexOf('-') + 1) : part;
                max = Math.max(max, Integer.parseInt(last.trim()));
            }
            return max + 1;
        } catch (IOException | NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
