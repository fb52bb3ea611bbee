package org.virtd.qemu.host;

import org.virtd.conf.domain.CpuSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The kernel's CPU list files ({@code /sys/devices/system/cpu/present}, {@code online}; "0-3,6",
 * the syntax of {@link CpuSet}) as bit sets, which NODE_GET_CPU_MAP, the per-CPU stats bound
 * checks and the pinning defaults use.
 */
public final class CpuList {
    public static final Path SYS_CPU = Path.of("/sys/devices/system/cpu");

    private CpuList() {
    }

    public static BitSet read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** An empty file is an empty set; a malformed one is an I/O error of the file. */
    static BitSet parse(String text) throws IOException {
        if (text.isBlank()) {
            return new BitSet();
        }
        BitSet set = CpuSet.parse(text.trim());
        if (set == null) {
            throw new IOException("not a CPU list: " + text.trim());
        }
        return set;
    }

    /** The map as libvirt sends it for {@code cpus} CPUs: bit i of byte i/8 set when CPU i is in the set. */
    public static byte[] bytes(BitSet set, int cpus) {
        BitSet within = set.get(0, cpus);
        return CpuSet.toMap(within, (cpus + 7) / 8);
    }
}
