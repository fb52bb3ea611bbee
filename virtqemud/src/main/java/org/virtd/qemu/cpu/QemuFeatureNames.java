package org.virtd.qemu.cpu;

import java.util.Map;
import java.util.Set;

/**
 * QEMU's spelling of x86 CPU features against libvirt's: the few cpu_map names QEMU writes
 * differently ({@code fxsr_opt} is QEMU's {@code fxsr-opt}), and the features libvirt never
 * reports from QEMU because QEMU does not control them.
 */
public final class QemuFeatureNames {
    private static final Map<String, String> LIBVIRT_TO_QEMU = Map.ofEntries(
            Map.entry("cmp_legacy", "cmp-legacy"), Map.entry("ds_cpl", "ds-cpl"), Map.entry("fxsr_opt", "fxsr-opt"),
            Map.entry("kvm_pv_eoi", "kvm-pv-eoi"), Map.entry("kvm_pv_unhalt", "kvm-pv-unhalt"),
            Map.entry("lahf_lm", "lahf-lm"), Map.entry("nodeid_msr", "nodeid-msr"), Map.entry("pclmuldq", "pclmulqdq"),
            Map.entry("perfctr_core", "perfctr-core"), Map.entry("perfctr_nb", "perfctr-nb"),
            Map.entry("tsc_adjust", "tsc-adjust"));
    private static final Set<String> NOT_FROM_QEMU = Set.of("cmt", "mbm_total", "mbm_local", "osxsave", "ospke");

    private QemuFeatureNames() {
    }

    /** libvirt's name for a QEMU feature name (unchanged when both spell it alike). */
    public static String toLibvirt(String qemu) {
        for (Map.Entry<String, String> e : LIBVIRT_TO_QEMU.entrySet()) {
            if (e.getValue().equals(qemu)) {
                return e.getKey();
            }
        }
        return qemu;
    }

    /** QEMU's name for a libvirt feature name (unchanged when both spell it alike). */
    public static String toQemu(String libvirt) {
        return LIBVIRT_TO_QEMU.getOrDefault(libvirt, libvirt);
    }

    /** Whether a libvirt-named feature may appear in a CPU definition libvirt builds from QEMU's answers. */
    public static boolean reportable(String libvirtName) {
        return !NOT_FROM_QEMU.contains(libvirtName);
    }
}
