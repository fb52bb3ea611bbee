package org.virtd.qemu.domcaps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.virtd.qemu.caps.EmulatorCapabilities;
import org.virtd.qemu.caps.ProbedFacts;
import org.virtd.qemu.cpu.CpuBits;
import org.virtd.qemu.cpu.CpuMap;
import org.virtd.qemu.cpu.QemuFeatureNames;
import org.virtd.qemu.cpu.X86Decoder;
import org.virtd.qemu.cpu.X86Model;
import org.virtd.qemu.qmp.JsonBoolean;
import org.virtd.qemu.qmp.JsonNumber;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonString;
import org.virtd.qemu.qmp.JsonValue;

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
        X86Decoder.Decoded host = x86 ? hostModel(facts, accel, map, qemuModels).orElse(null) : null;
        return new CpuModes(accel.equals("kvm"), maximum, host, custom);
    }

    private static String mapArch(String arch) {
        return switch (arch) {
            case "ppc64", "ppc64le" -> "ppc64";
            default -> arch;
        };
    }

    /** The host-model CPU: QEMU's widest CPU for {@code accel} named by the closest model QEMU offers. */
    static Optional<X86Decoder.Decoded> hostModel(ProbedFacts facts, String accel, CpuMap map,
            List<ProbedFacts.CpuModelInfo> qemuModels) {
        Optional<JsonObject> props = facts.hostCpu(accel);
        if (props.isEmpty() || map.models().isEmpty()) {
            return Optional.empty();
        }
        Set<String> enabled = new java.util.LinkedHashSet<>();
        String vendor = null;
        int family = 0;
        int model = 0;
        for (Map.Entry<String, JsonValue> p : props.get().members().entrySet()) {
            JsonValue v = p.getValue();
            if (v instanceof JsonBoolean b && b.value()) {
                String name = QemuFeatureNames.toLibvirt(p.getKey());
                if (QemuFeatureNames.reportable(name)) {
                    enabled.add(name);
                }
            } else if (p.getKey().equals("vendor") && v instanceof JsonString s) {
                vendor = map.vendorOfString(s.value()).orElse(null);
            } else if (p.getKey().equals("family") && v instanceof JsonNumber n) {
                family = (int) n.longValue();
            } else if (p.getKey().equals("model") && v instanceof JsonNumber n) {
                model = (int) n.longValue();
            }
        }
        CpuBits bits = map.bitsOf(enabled);
        Map<String, List<String>> offered = new LinkedHashMap<>();
        for (ProbedFacts.CpuModelInfo m : qemuModels) {
            offered.put(m.name(), m.blockers().stream().map(QemuFeatureNames::toLibvirt).toList());
        }
        return Optional.ofNullable(new X86Decoder(map).decode(new X86Decoder.CpuData(bits, vendor, family, model),
                offered, true));
    }
}
