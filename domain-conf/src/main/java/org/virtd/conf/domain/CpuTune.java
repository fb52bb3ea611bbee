package org.virtd.conf.domain;

import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code <cputune>}: the relative CPU weight {@code <shares>}, the CFS bandwidth limits
 * ({@code <period>}, {@code <quota>}, {@code <global_period>} …) and the pinning, {@code <vcpupin
 * vcpu= cpuset=>} per vCPU and {@code <emulatorpin cpuset=>}. Immutable; the with-methods give
 * changed copies.
 *
 * @param shares     {@code <shares>}; null = not given
 * @param bandwidth  non-zero bandwidth values by element name, in {@link #BANDWIDTH} order
 * @param vcpupins   host CPUs of each pinned vCPU, by vCPU number
 * @param emulatorpin host CPUs of the emulator threads; null = not pinned
 */
public record CpuTune(Long shares, Map<String, Long> bandwidth, Map<Integer, BitSet> vcpupins, BitSet emulatorpin) {
    /** The bandwidth elements in libvirt's print order; periods are unsigned, quotas signed. */
    public static final java.util.List<String> BANDWIDTH = java.util.List.of("period", "quota", "global_period",
            "global_quota", "emulator_period", "emulator_quota", "iothread_period", "iothread_quota");
    public static final CpuTune NONE = new CpuTune(null, Map.of(), null);

    public CpuTune(Long shares, Map<Integer, BitSet> vcpupins, BitSet emulatorpin) {
        this(shares, Map.of(), vcpupins, emulatorpin);
    }

    public CpuTune {
        java.util.LinkedHashMap<String, Long> bw = new java.util.LinkedHashMap<>();
        for (String name : BANDWIDTH) {
            Long v = bandwidth.get(name);
            if (v != null && v != 0) {
                bw.put(name, v);
            }
        }
        bandwidth = Collections.unmodifiableMap(bw);
        TreeMap<Integer, BitSet> copy = new TreeMap<>();
        vcpupins.forEach((k, v) -> copy.put(k, (BitSet) v.clone()));
        vcpupins = Collections.unmodifiableMap(copy);
        emulatorpin = emulatorpin == null ? null : (BitSet) emulatorpin.clone();
    }

    public boolean isEmpty() {
        return shares == null && bandwidth.isEmpty() && vcpupins.isEmpty() && emulatorpin == null;
    }

    /** A bandwidth value by element name, 0 when not given. */
    public long bandwidth(String name) {
        return bandwidth.getOrDefault(name, 0L);
    }

    public CpuTune withShares(Long newShares) {
        return new CpuTune(newShares, bandwidth, vcpupins, emulatorpin);
    }

    /** With bandwidth value {@code name} set (0 removes it). */
    public CpuTune withBandwidth(String name, long value) {
        java.util.Map<String, Long> bw = new java.util.HashMap<>(bandwidth);
        bw.put(name, value);
        return new CpuTune(shares, bw, vcpupins, emulatorpin);
    }

    public CpuTune withVcpuPin(int vcpu, BitSet cpus) {
        TreeMap<Integer, BitSet> m = new TreeMap<>(vcpupins);
        m.put(vcpu, cpus);
        return new CpuTune(shares, bandwidth, m, emulatorpin);
    }

    public CpuTune withEmulatorPin(BitSet cpus) {
        return new CpuTune(shares, bandwidth, vcpupins, cpus);
    }

    /** Without the pins of vCPUs numbered {@code max} or higher (after the vCPU count shrinks). */
    public CpuTune upTo(int max) {
        TreeMap<Integer, BitSet> m = new TreeMap<>(vcpupins);
        m.keySet().removeIf(k -> k >= max);
        return new CpuTune(shares, bandwidth, m, emulatorpin);
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
