package org.virtd.qemu.domcaps;

import java.util.ArrayList;
import java.util.List;

import org.virtd.qemu.caps.EmulatorCapabilities;
import org.virtd.qemu.caps.ProbedFacts;
import org.virtd.qemu.cpu.CpuMap;
import org.virtd.qemu.cpu.X86Decoder;
import org.virtd.qemu.cpu.X86Model;

/**
 * The {@code <cpu>} modes of domain capabilities: host-passthrough only with a hardware
 * accelerator; maximum when QEMU has a {@code max} CPU; host-model as the CPU map decodes the
 * expansion of QEMU's widest CPU against the models QEMU offers; custom: QEMU's models that the
 * CPU map knows, in QEMU's order, usable when QEMU names nothing blocking them.
 */
record CpuModes(boolean hostPassthrough, boolean maximum, X86Decoder.Decoded hostModel, List<CustomModel> custom) {

    record CustomModel(String name, boolean usable, String vendor) {
    }

    static CpuModes derive(EmulatorCapabilities emu, String accel, CpuMap map) {
        ProbedFacts facts = emu.facts();
        List<ProbedFacts.CpuModelInfo> qemuModels = facts.cpuModels(accel);
        boolean maximum = qemuModels.stream().anyMatch(m -> m.name().equals("max"));
        boolean x86 = emu.arch().equals("x86_64") || emu.arch().equals("i686");
        List<String> known = map.modelNames(x86 ? "x86" : mapArch(emu.arch()));
        List<CustomModel> custom = new ArrayList<>();
        for (ProbedFacts.CpuModelInfo m : qemuModels) {
            if (known.contains(m.name())) {
                String vendor = map.model(m.name()).map(X86Model::vendor).orElse(null);
                custom.add(new CustomModel(m.name(), m.usable(), vendor == null ? "unknown" : vendor));
            }
        }
        X86Decoder.Decoded host = x86 ? HostModel.decode(facts, accel, map).orElse(null) : null;
        return new CpuModes(accel.equals("kvm"), maximum, host, custom);
    }

    private static String mapArch(String arch) {
        return switch (arch) {
            case "ppc64", "ppc64le" -> "ppc64";
            default -> arch;
        };
    }
}
