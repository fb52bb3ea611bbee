package org.virtd.conf.domain;

import org.virtd.rpc.error.VirtException;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code <numatune>}: the host NUMA nodes a guest's memory may come from (libvirt's
 * virDomainNuma tuning part). {@code memory} is null when no {@code <memory>} policy applies;
 * {@code memnodes} are the per guest cell policies, by cell id. Immutable.
 */
public record Numatune(Memory memory, List<MemNode> memnodes) {
    public static final Numatune NONE = new Numatune(null, List.of());

    /** The whole guest's policy when {@code <vcpu placement='auto'>} is all the XML says. */
    static final Numatune AUTO = new Numatune(new Memory(Mode.STRICT, null), List.of());

    public Numatune {
        memnodes = memnodes == null ? List.of() : List.copyOf(memnodes);
    }

    /** The memory modes, numbered as numa_mode is (virDomainNumatuneMemMode). */
    public enum Mode {
        STRICT, PREFERRED, INTERLEAVE, RESTRICTIVE;

        public String xml() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode named {@code text}; null when there is none. */
        public static Mode of(String text) {
            for (Mode m : values()) {
                if (m.xml().equals(text)) {
                    return m;
                }
            }
            return null;
        }

        /** The mode numbered {@code n}; null when out of range. */
        public static Mode of(int n) {
            return n >= 0 && n < values().length ? values()[n] : null;
        }
    }

    /** {@code <memory mode= nodeset=|placement='auto'>}: a null nodeset is automatic placement. */
    public record Memory(Mode mode, BitSet nodeset) {
        public Memory {
            nodeset = nodeset == null ? null : (BitSet) nodeset.clone();
        }

        public boolean auto() {
            return nodeset == null;
        }

        @Override
        public BitSet nodeset() {
            return nodeset == null ? null : (BitSet) nodeset.clone();
        }
    }

    /** {@code <memnode cellid= mode= nodeset=/>}. */
    public record MemNode(int cellid, Mode mode, BitSet nodeset) {
        public MemNode {
            nodeset = (BitSet) nodeset.clone();
        }

        @Override
        public BitSet nodeset() {
            return (BitSet) nodeset.clone();
        }
    }

    public boolean isEmpty() {
        return memory == null && memnodes.isEmpty();
    }

    /** The whole guest's mode, strict when none is set (what numa_mode reports). */
    public Mode mode() {
        return memory == null ? Mode.STRICT : memory.mode();
    }

    /** Whether the whole guest's memory is placed by numad. */
    public boolean autoPlacement() {
        return memory != null && memory.auto();
    }

    /** The whole guest's nodes; null when none are fixed (no policy, or automatic placement). */
    public BitSet nodeset() {
        return memory == null ? null : memory.nodeset();
    }

    /** The nodes as numa_nodeset prints them; empty when none are fixed. */
    public String nodesetText() {
        BitSet n = nodeset();
        return n == null ? "" : CpuSet.format(n);
    }

    /**
     * With the whole guest's policy changed as libvirt's virDomainNumatuneSet does: null
     * arguments keep what is there; a new nodeset makes placement static; placement
     * {@code default} (or none on a guest without policy) is static with a nodeset or with
     * static vCPU placement, automatic otherwise; static placement needs a nodeset.
     *
     * @param placementStatic whether {@code <vcpu placement>} is static
     * @param placement       {@code default}, {@code static}, {@code auto} or null
     */
    public Numatune with(boolean placementStatic, Mode mode, String placement, BitSet nodeset) throws VirtException {
        if (mode == null && placement == null && nodeset == null) {
            return this;
        }
        Mode m = mode != null ? mode : memory != null ? memory.mode() : Mode.STRICT;
        String p = placement == null && memory == null ? "default" : placement;
        BitSet nodes = memory == null ? null : memory.nodeset();
        if (nodeset != null) {
            nodes = nodeset;
            p = p == null ? "static" : p;
        }
        if ("default".equals(p)) {
            p = nodes != null || placementStatic ? "static" : "auto";
        }
        if ("static".equals(p) && nodes == null) {
            throw DefErrors.unsupported("nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
        }
        if ("auto".equals(p)) {
            nodes = null;
        }
        return new Numatune(new Memory(m, nodes), memnodes);
    }

    /** With the per-cell policies replaced. */
    public Numatune withMemnodes(List<MemNode> newMemnodes) {
        return new Numatune(memory, newMemnodes);
    }
}
