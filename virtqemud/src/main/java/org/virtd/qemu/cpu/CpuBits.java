package org.virtd.qemu.cpu;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A set of CPUID/MSR bits, each named "cpuid:LEAF:SUBLEAF:REG:BIT" or "msr:INDEX:REG:BIT": the
 * representation of feature, model and CPU data on which subset and difference are plain set
 * operations.
 */
public final class CpuBits {
    private final Set<String> bits;

    CpuBits(Set<String> bits) {
        this.bits = bits;
    }

    /** Bits named as the CPU map names them ({@code cpuid:LEAF:SUBLEAF:REG:BIT}). */
    public static CpuBits of(java.util.Collection<String> names) {
        return new CpuBits(new LinkedHashSet<>(names));
    }

    public static CpuBits empty() {
        return new CpuBits(new LinkedHashSet<>());
    }

    public CpuBits copy() {
        return new CpuBits(new LinkedHashSet<>(bits));
    }

    public void add(CpuBits other) {
        bits.addAll(other.bits);
    }

    public void subtract(CpuBits other) {
        bits.removeAll(other.bits);
    }

    public void intersect(CpuBits other) {
        bits.retainAll(other.bits);
    }

    /** Whether every bit of {@code part} is here (an empty part is a subset of nothing, as in libvirt). */
    public boolean contains(CpuBits part) {
        return !part.bits.isEmpty() && bits.containsAll(part.bits);
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    Set<String> view() {
        return Collections.unmodifiableSet(bits);
    }

    /** Adds the bits of one register ({@code PREFIX:REG:BIT} for each set bit of {@code mask}). */
    public static void addRegister(Set<String> into, String prefix, String reg, long mask) {
        for (int b = 0; b < 32; b++) {
            if ((mask & (1L << b)) != 0) {
                into.add(prefix + ":" + reg + ":" + b);
            }
        }
    }
}
