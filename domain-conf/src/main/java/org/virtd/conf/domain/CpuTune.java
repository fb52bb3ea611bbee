package org.virtd.conf.domain;

import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code <cputune>}: the relative CPU weight {@code <shares>} and the pinning, {@code <vcpupin
 * vcpu= cpuset=>} per vCPU and {@code <emulatorpin cpuset=>}. Immutable; the with-methods give
 * changed copies.
 *
 * @param shares     {@code <shares>}; null = not given
 * @param vcpupins   host CPUs of each pinned vCPU, by vCPU number
 * @param emulatorpin host CPUs of the emulator threads; null = not pinned
 */
public record CpuTune(Long shares, Map<Integer, BitSet> vcpupins, BitSet emulatorpin) {
    public static final CpuTune NONE = new CpuTune(null, Map.of(), null);

    public CpuTune {
        TreeMap<Integer, BitSet> copy = new TreeMap<>();
        vcpupins.forEach((k, v) -> copy.put(k, (BitSet) v.clone()));
        vcpupins = Collections.unmodifiableMap(copy);
        emulatorpin = emulatorpin == null ? null : (BitSet) emulatorpin.clone();
    }

    public boolean isEmpty() {
        return shares == null && vcpupins.isEmpty() && emulatorpin == null;
    }

    public CpuTune withVcpuPin(int vcpu, BitSet cpus) {
        TreeMap<Integer, BitSet> m = new TreeMap<>(vcpupins);
        m.put(vcpu, cpus);
        return new CpuTune(shares, m, emulatorpin);
    }

    public CpuTune withEmulatorPin(BitSet cpus) {
        return new CpuTune(shares, vcpupins, cpus);
    }

    /** Without the pins of vCPUs numbered {@code max} or higher (after the vCPU count shrinks). */
    public CpuTune upTo(int max) {
        TreeMap<Integer, BitSet> m = new TreeMap<>(vcpupins);
        m.keySet().removeIf(k -> k >= max);
        return new CpuTune(shares, m, emulatorpin);
    }

    @Override
    public Map<Integer, BitSet> vcpupins() {
        Map<Integer, BitSet> m = new TreeMap<>();
        vcpupins.forEach((k, v) -> m.put(k, (BitSet) v.clone()));
        return m;
    }

    @Override
    public BitSet emulatorpin() {
        return emulatorpin == null ? null : (BitSet) emulatorpin.clone();
    }
}
