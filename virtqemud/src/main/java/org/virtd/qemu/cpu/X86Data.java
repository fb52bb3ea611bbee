package org.virtd.qemu.cpu;

/**
 * The bits a CPU definition stands for: with no policy, its model's features plus required and
 * forced ones minus disabled and forbidden ones; with a policy, the features of that policy (and
 * for "require" the model's too). A host CPU has only required features.
 */
final class X86Data {
    private X86Data() {
    }

    static CpuBits of(CpuMap map, CpuDef cpu, String policy) {
        CpuBits out = CpuBits.empty();
        if (cpu.host() && policy != null && !policy.equals("require")) {
            return out;
        }
        if (cpu.model() != null && (policy == null || policy.equals("require"))) {
            X86Model m = map.model(cpu.model()).orElseThrow(
                    () -> new IllegalStateException("Unknown CPU model " + cpu.model()));
            out.add(m.bits());
        }
        for (CpuDef.Feature f : cpu.features()) {
            X86Feature feature = map.feature(f.name()).orElseThrow(
                    () -> new IllegalStateException("Unknown CPU feature " + f.name()));
            if (policy == null) {
                switch (f.policy()) {
                    case "force", "require" -> out.add(feature.bits());
                    case "disable", "forbid" -> out.subtract(feature.bits());
                    default -> {
                        // optional features say nothing about the CPU
                    }
                }
            } else if (f.policy().equals(policy)) {
                out.add(feature.bits());
            }
        }
        return out;
    }
}
