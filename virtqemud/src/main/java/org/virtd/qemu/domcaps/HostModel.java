package org.virtd.qemu.domcaps;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.virtd.qemu.caps.ProbedFacts;
import org.virtd.qemu.cpu.CpuMap;
import org.virtd.qemu.cpu.QemuFeatureNames;
import org.virtd.qemu.cpu.X86Decoder;
import org.virtd.qemu.qmp.JsonBoolean;
import org.virtd.qemu.qmp.JsonNumber;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonString;
import org.virtd.qemu.qmp.JsonValue;

/**
 * The CPU QEMU offers under an accelerator (host-model): the expansion of its widest CPU turned
 * into CPU-map data (features QEMU enables, vendor, family/model), and that data named by the
 * closest model QEMU offers.
 */
public final class HostModel {
    private HostModel() {
    }

    public static Optional<X86Decoder.CpuData> data(ProbedFacts facts, String accel, CpuMap map) {
        Optional<JsonObject> props = facts.hostCpu(accel);
        if (props.isEmpty() || map.models().isEmpty()) {
            return Optional.empty();
        }
        Set<String> enabled = new LinkedHashSet<>();
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
        return Optional.of(new X86Decoder.CpuData(map.bitsOf(enabled), vendor, family, model));
    }

    public static Optional<X86Decoder.Decoded> decode(ProbedFacts facts, String accel, CpuMap map) {
        Map<String, List<String>> offered = new LinkedHashMap<>();
        for (ProbedFacts.CpuModelInfo m : facts.cpuModels(accel)) {
            offered.put(m.name(), m.blockers().stream().map(QemuFeatureNames::toLibvirt).toList());
        }
        return data(facts, accel, map).map(d -> new X86Decoder(map).decode(d, offered, true));
    }
}
