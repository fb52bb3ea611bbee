package org.virtd.qemu.cpu;

import java.util.List;

/**
 * A cpu_map x86 model: name, vendor (null for generic models), the signatures (family, model)
 * of the real CPUs it stands for, whether decoding may pick it for host and guest CPUs, its
 * features by name and as bits, and the features newer QEMUs dropped from it (not in its bits;
 * a guest CPU named after it lists them explicitly).
 */
public record X86Model(String name, String vendor, List<int[]> signatures, boolean decodeHost, boolean decodeGuest,
        List<String> features, List<String> removed, CpuBits bits) {

    boolean matches(int family, int model) {
        return signatures.stream().anyMatch(s -> s[0] == family && s[1] == model);
    }
}
