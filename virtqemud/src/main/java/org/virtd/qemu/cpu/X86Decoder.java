package org.virtd.qemu.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names the CPU model closest to a set of CPU features, as libvirt 9.0's x86 decoder does: every
 * cpu_map model the hypervisor also offers and whose vendor does not contradict the data is a
 * candidate described as the model plus required features minus disabled ones (features the
 * hypervisor reports as blocking the model are disabled too), newest model first. A candidate
 * whose signature matches the CPU's family/model beats one that does not; otherwise the lower
 * {@link #cost cost} wins, then the fewer disabled features, the newer model on a full tie.
 */
public final class X86Decoder {
    private final CpuMap map;

    public X86Decoder(CpuMap map) {
        this.map = map;
    }

    /** The CPU to decode: its bits, vendor name (null if unknown) and signature family/model (0 if unknown). */
    public record CpuData(CpuBits bits, String vendor, int family, int model) {
    }

    public record Feature(String name, String policy) {
    }

    public record Decoded(String model, String vendor, List<Feature> features) {
    }

    /**
     * @param offered the hypervisor's models with their blockers (libvirt names); null = every model
     * @param guest   decoding a guest CPU (a host CPU may not need disabled features)
     */
    public Decoded decode(CpuData data, Map<String, List<String>> offered, boolean guest) {
        return decode(data, offered, guest, null);
    }

    /** Decodes a guest CPU, stopping at {@code preferred} when it is a candidate. */
    public Decoded decodePreferring(CpuData data, Map<String, List<String>> offered, String preferred) {
        return decode(data, offered, true, preferred);
    }

    private Decoded decode(CpuData data, Map<String, List<String>> offered, boolean guest, String preferred) {
        Decoded best = null;
        X86Model bestModel = null;
        List<X86Model> models = map.models();
        for (int i = models.size() - 1; i >= 0; i--) {
            X86Model candidate = models.get(i);
            if (offered != null && !offered.containsKey(candidate.name())) {
                continue;
            }
            if (data.vendor() != null && candidate.vendor() != null && !data.vendor().equals(candidate.vendor())) {
                continue;
            }
            if (guest ? !candidate.decodeGuest() : !candidate.decodeHost()) {
                continue;
            }
            Decoded d = describe(data, candidate, offered == null ? List.of() : offered.get(candidate.name()), guest);
            if (!guest && d.features().stream().anyMatch(f -> f.policy().equals("disable"))) {
                continue;
            }
            if (candidate.name().equals(preferred)) {
                return d;
            }
            if (best == null || better(data, bestModel, best, candidate, d, guest)) {
                best = d;
                bestModel = candidate;
            }
        }
        return best;
    }

    private static boolean better(CpuData data, X86Model current, Decoded cur, X86Model candidate, Decoded cand,
            boolean guest) {
        if (data.family() != 0) {
            boolean curSig = current.matches(data.family(), data.model());
            boolean candSig = candidate.matches(data.family(), data.model());
            if (curSig != candSig) {
                return candSig;
            }
        }
        long[] c = cost(cur, guest);
        long[] n = cost(cand, guest);
        return n[0] < c[0] || (n[0] == c[0] && n[1] < c[1]);
    }

    /**
     * {total, penalty}: how far a candidate is from the data. For a host CPU (no disabled features)
     * the total is its feature count. For a guest CPU, libvirtd 9.0 as Debian ships it weighs
     * disabled features 2, 3, 4... while it walks the list, but its walk stops where the index meets
     * the count of features not yet found disabled. Required features come first, so only the
     * first half (rounded up) of the disabled ones is weighed; the rest count 1 each, like a
     * required feature. So the qemu-system-i386 TCG host-model comes out Opteron_G2 (46 required,
     * 2 disabled: 49) rather than EPYC (18 required, 12 disabled: 51), and qemu-system-x86_64's
     * stays EPYC. The total is the features left unweighed plus the penalty.
     */
    static long[] cost(Decoded d, boolean guest) {
        List<Feature> fs = d.features();
        int unweighed = fs.size();
        long penalty = 0;
        if (guest) {
            int weight = 2;
            for (int i = 0; i < unweighed; i++) {
                if (fs.get(i).policy().equals("disable")) {
                    unweighed--;
                    penalty += weight++;
                }
            }
        }
        return new long[] {unweighed + penalty, penalty};
    }

    /** The data as {@code model} plus required and minus disabled features. */
    public Decoded describe(CpuData data, X86Model model, List<String> blockers, boolean guest) {
        CpuBits required = data.bits().copy();
        required.subtract(model.bits());
        CpuBits disabled = model.bits().copy();
        disabled.subtract(data.bits());
        for (String b : blockers) {
            map.feature(b).filter(f -> !required.contains(f.bits())).ifPresent(f -> disabled.add(f.bits()));
        }
        List<Feature> features = new ArrayList<>();
        map.featureNames(required).forEach(n -> features.add(new Feature(n, "require")));
        map.featureNames(disabled).forEach(n -> features.add(new Feature(n, "disable")));
        if (guest) {
            for (String r : model.removed()) {
                if (features.stream().noneMatch(f -> f.name().equals(r))) {
                    features.add(new Feature(r, "disable"));
                }
            }
        }
        return new Decoded(model.name(), data.vendor(), features);
    }
}
