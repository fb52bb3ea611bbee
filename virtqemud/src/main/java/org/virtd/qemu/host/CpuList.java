package org.virtd.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The kernel's CPU list files ({@code /sys/devices/system/cpu/present}, {@code online}; "0-3,6")
 * as bit sets, which NODE_GET_CPU_MAP and the per-CPU stats bound checks use.
 */
public final class CpuList {
    public static final Path SYS_CPU = Path.of("/sys/devices/system/cpu");

    private CpuList() {
    }

    public static BitSet read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static BitSet parse(String text) {
        BitSet set = new BitSet();
        for (String part : text.trim().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            if (dash < 0) {
                set.set(Integer.parseInt(part));
            } else {
                set.set(Integer.parseInt(part.substring(0, dash)), Integer.parseInt(part.substring(dash + 1)) + 1);
            }
        }
        return set;
    }

    /** The map as libvirt sends it: bit i of byte i/8 set when CPU i is in the set. */
    public static byte[] bytes(BitSet set, int cpus) {
        byte[] out = new byte[(cpus + 7) / 8];
        for (int i = set.nextSetBit(0); i >= 0 && i < cpus; i = set.nextSetBit(i + 1)) {
            out[i / 8] |= (byte) (1 << (i % 8));
        }
        return out;
    }
}
