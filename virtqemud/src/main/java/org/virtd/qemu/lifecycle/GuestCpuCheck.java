package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainDef.CpuDef;
import org.virtd.conf.domain.DomainDef.CpuFeature;
import org.virtd.qemu.cpu.CpuBits;
import org.virtd.qemu.cpu.CpuMap;
import org.virtd.qemu.cpu.X86Compare;
import org.virtd.qemu.cpu.X86Feature;
import org.virtd.qemu.cpu.X86Model;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A custom guest CPU checked against what the hypervisor offers, as libvirt checks it at start.
 * Before QEMU runs, a CPU with {@code check='partial'} is compared with the accelerator's
 * host-model CPU ({@link #beforeLaunch}). Once it runs, the vCPU's CPUID words, read from QEMU
 * and decoded with libvirt's CPU map, are reconciled with what the definition expects (its
 * model's features plus those it requires, minus those it disables): a feature QEMU enabled
 * unasked becomes required, one it could not give becomes disabled, and the CPU is marked
 * {@code check='full'} with {@code fallback='forbid'}. A CPU that asked for {@code check='full'}
 * fails the start instead, naming the extra and missing features. Without a CPU map, or for
 * other modes, the definition stays as it was.
 */
final class GuestCpuCheck {
    private static final Logger LOG = LoggerFactory.getLogger(GuestCpuCheck.class);
    private static final String FIRST_VCPU = "/machine/unattached/device[0]";
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private GuestCpuCheck() {
    }

    /** check='partial': the CPU must be compatible with the accelerator's host-model CPU. */
    static void beforeLaunch(DomainDef def, HostCpuModels hostModels) throws VirtException {
        CpuDef cpu = def.cpu();
        if (cpu == null || !"custom".equals(cpu.mode()) || cpu.model() == null || !"partial".equals(cpu.check())) {
            return;
        }
        CpuMap map = CpuMap.installed();
        org.virtd.qemu.cpu.CpuDef host = hostModels.hostModel(def);
        if (host == null || host.model() == null || map.model(cpu.model()).isEmpty()) {
            return;
        }
        org.virtd.qemu.cpu.CpuDef guest = new org.virtd.qemu.cpu.CpuDef(false, cpu.mode(), cpu.match(), null,
                cpu.model(), cpu.fallback(), null, cpu.features().stream()
                        .map(f -> new org.virtd.qemu.cpu.CpuDef.Feature(f.name(), f.policy())).toList());
        X86Compare.Result r;
        try {
            r = new X86Compare(map).compare(host, guest);
        } catch (IllegalStateException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CPU, e.getMessage());
        }
        if (r.verdict() == X86Compare.INCOMPATIBLE) {
            throw new VirtException(ErrorCode.CPU_INCOMPATIBLE, ErrorDomain.CPU, r.reason());
        }
    }

    static DomainDef update(DomainDef def, QmpClient monitor) throws VirtException {
        CpuDef cpu = def.cpu();
        if (cpu == null || !"custom".equals(cpu.mode()) || cpu.model() == null) {
            return def;
        }
        CpuMap m = CpuMap.installed();
        X86Model model = m.model(cpu.model()).orElse(null);
        if (model == null) {
            return def;
        }
        Set<String> enabled;
        try {
            JsonArray words = (JsonArray) monitor.execute("qom-get",
                    JsonObject.of("path", FIRST_VCPU, "property", "feature-words"), LIMIT);
            enabled = new HashSet<>(m.featureNames(bits(words)));
        } catch (VirtException | RuntimeException e) {
            LOG.debug("cannot check the CPU of '{}': {}", def.name(), e.toString());
            return def;
        }
        List<String> all = m.features().stream().map(X86Feature::name).toList();
        return def.withCpu(cpu.checked("forbid", reconcile(cpu, all, model.features(), enabled)));
    }

    /**
     * The CPU's features once {@code enabled} (what QEMU gave) is known, walking the CPU map's
     * features in order: asked-for ones keep their place with the policy they really got.
     */
    static List<CpuFeature> reconcile(CpuDef cpu, List<String> mapFeatures, java.util.Collection<String> modelFeatures,
            Set<String> enabled) throws VirtException {
        Set<String> expected = new HashSet<>(modelFeatures);
        Map<String, String> policies = new LinkedHashMap<>();
        for (CpuFeature f : cpu.features()) {
            policies.put(f.name(), f.policy());
            if ("require".equals(f.policy()) || "force".equals(f.policy())) {
                expected.add(f.name());
            } else if ("disable".equals(f.policy()) || "forbid".equals(f.policy())) {
                expected.remove(f.name());
            }
        }
        boolean full = "full".equals(cpu.check());
        List<String> extra = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : mapFeatures) {
            boolean has = enabled.contains(name);
            boolean wanted = expected.contains(name);
            if (has && !wanted) {
                if (full) {
                    extra.add(name);
                } else {
                    policies.put(name, "require");
                }
            } else if (!has && wanted) {
                if (full) {
                    missing.add(name);
                } else {
                    policies.put(name, "disable");
                }
            }
        }
        if (!extra.isEmpty() || !missing.isEmpty()) {
            String what = (extra.isEmpty() ? "" : "extra features: " + String.join(",", extra))
                    + (!extra.isEmpty() && !missing.isEmpty() ? ", " : "")
                    + (missing.isEmpty() ? "" : "missing features: " + String.join(",", missing));
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.CPU,
                    "guest CPU doesn't match specification: " + what);
        }
        List<CpuFeature> out = new ArrayList<>();
        policies.forEach((name, policy) -> out.add(new CpuFeature(policy, name)));
        return out;
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
