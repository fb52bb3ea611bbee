package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainDef.CpuDef;
import org.virtd.conf.domain.DomainDef.CpuFeature;
import org.virtd.qemu.cpu.CpuBits;
import org.virtd.qemu.cpu.CpuMap;
import org.virtd.qemu.cpu.X86Feature;
import org.virtd.qemu.cpu.X86Model;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.VirtException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a started guest's {@code <cpu>} says once checked against the CPU QEMU really made
 * (libvirt's update of a custom CPU at start): the vCPU's CPUID words, read from QEMU, are
 * decoded with libvirt's CPU map; features the model lacks but the guest has are added as
 * required, features of the model the guest lacks as disabled, and the CPU is marked
 * {@code check='full'} with {@code fallback='forbid'}. Without a CPU map, or for other modes,
 * the definition stays as it was.
 */
final class GuestCpuCheck {
    private static final Logger LOG = LoggerFactory.getLogger(GuestCpuCheck.class);
    private static final String FIRST_VCPU = "/machine/unattached/device[0]";
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private GuestCpuCheck() {
    }

    static DomainDef update(DomainDef def, QmpClient monitor) {
        CpuDef cpu = def.cpu();
        if (cpu == null || !"custom".equals(cpu.mode()) || cpu.model() == null) {
            return def;
        }
        CpuMap m = CpuMap.installed();
        X86Model model = m.model(cpu.model()).orElse(null);
        if (model == null) {
            return def;
        }
        try {
            JsonArray words = (JsonArray) monitor.execute("qom-get",
                    JsonObject.of("path", FIRST_VCPU, "property", "feature-words"), LIMIT);
            Set<String> enabled = new HashSet<>(m.featureNames(bits(words)));
            Set<String> inModel = new HashSet<>(model.features());
            List<CpuFeature> features = new ArrayList<>(cpu.features());
            Set<String> named = new HashSet<>();
            cpu.features().forEach(f -> named.add(f.name()));
            for (X86Feature f : m.features()) {
                if (named.contains(f.name())) {
                    continue;
                }
                boolean has = enabled.contains(f.name());
                if (has && !inModel.contains(f.name())) {
                    features.add(new CpuFeature("require", f.name()));
                } else if (!has && inModel.contains(f.name())) {
                    features.add(new CpuFeature("disable", f.name()));
                }
            }
            return def.withCpu(cpu.checked("forbid", features));
        } catch (VirtException | RuntimeException e) {
            LOG.debug("cannot check the CPU of '{}': {}", def.name(), e.toString());
            return def;
        }
    }

    /** QEMU's feature words as CPU map bits ({@code cpuid:EAX_IN:ECX_IN:REG:BIT}). */
    static CpuBits bits(JsonArray words) {
        Set<String> keys = new HashSet<>();
        for (JsonObject w : words.objects()) {
            CpuBits.addRegister(keys, "cpuid:" + w.number("cpuid-input-eax", 0) + ":" + w.number("cpuid-input-ecx", 0),
                    w.string("cpuid-register", "").toLowerCase(java.util.Locale.ROOT), w.number("features", 0));
        }
        return CpuBits.of(keys);
    }
}
