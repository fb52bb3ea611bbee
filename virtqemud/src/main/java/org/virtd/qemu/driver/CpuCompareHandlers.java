package org.virtd.qemu.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.virtd.core.driver.Checks;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.caps.EmulatorCapabilities;
import org.virtd.qemu.caps.ProbedFacts;
import org.virtd.qemu.cpu.CpuBits;
import org.virtd.qemu.cpu.CpuDef;
import org.virtd.qemu.cpu.CpuMap;
import org.virtd.qemu.cpu.CpuXmlException;
import org.virtd.qemu.cpu.HostCpuid;
import org.virtd.qemu.cpu.QemuFeatureNames;
import org.virtd.qemu.cpu.X86Baseline;
import org.virtd.qemu.cpu.X86Compare;
import org.virtd.qemu.cpu.X86Decoder;
import org.virtd.qemu.domcaps.HostModel;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtError;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

/**
 * cpu-compare, hypervisor-cpu-compare, cpu-baseline and hypervisor-cpu-baseline: CPU definitions
 * compared with the host CPU (as CPUID describes it) or with the CPU QEMU offers for an emulator
 * and accelerator (domain capabilities' host-model), and combined into the newest common model.
 */
final class CpuCompareHandlers {
    /** VIR_CONNECT_COMPARE_CPU_FAIL_INCOMPATIBLE, VIR_CONNECT_COMPARE_CPU_VALIDATE_XML. */
    private static final int FAIL_INCOMPATIBLE = 1;
    private static final int COMPARE_FLAGS = 1 | 2;
    /** VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES, VIR_CONNECT_BASELINE_CPU_MIGRATABLE. */
    private static final int EXPAND_FEATURES = 1;
    private static final int MIGRATABLE = 2;

    private final Supplier<CpuMap> cpuMap;
    private final EmulatorSelection selection;
    private volatile CpuDef hostCpu;

    /** Resolves the emulator and accelerator of a hypervisor-CPU call as domcapabilities does. */
    interface EmulatorSelection {
        /** The emulator and the accelerator ({@code tcg} or {@code kvm}) the selectors name. */
        Map.Entry<EmulatorCapabilities, String> select(String emulator, String arch, String machine, String virttype)
                throws VirtException;
    }

    CpuCompareHandlers(Supplier<CpuMap> cpuMap, EmulatorSelection selection) {
        this.cpuMap = cpuMap;
        this.selection = selection;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.CONNECT_COMPARE_CPU, (c, a) -> {
            flags(a.flags(), COMPARE_FLAGS, "qemuConnectCompareCPU");
            return compare(host(), a.xml(), (a.flags() & FAIL_INCOMPATIBLE) != 0);
        });
        t.on(RemoteProgram.CONNECT_COMPARE_HYPERVISOR_CPU, (c, a) -> {
            flags(a.flags(), COMPARE_FLAGS, "qemuConnectCompareHypervisorCPU");
            var sel = selection.select(a.emulator(), a.arch(), a.machine(), a.virttype());
            return compare(hypervisorCpu(sel.getKey(), sel.getValue()), a.xmlCPU(), (a.flags() & FAIL_INCOMPATIBLE) != 0);
        });
        t.on(RemoteProgram.CONNECT_BASELINE_CPU, (c, a) -> {
            flags(a.flags(), EXPAND_FEATURES | MIGRATABLE, "qemuConnectBaselineCPU");
            CpuDef cpu = baseline(parseAll(a.xmlCPUs(), true), null, null, (a.flags() & MIGRATABLE) != 0, a.flags());
            return cpu.format();
        });
        t.on(RemoteProgram.CONNECT_BASELINE_HYPERVISOR_CPU, (c, a) -> {
            flags(a.flags(), EXPAND_FEATURES | MIGRATABLE, "qemuConnectBaselineHypervisorCPU");
            var sel = selection.select(a.emulator(), a.arch(), a.machine(), a.virttype());
            ProbedFacts facts = sel.getKey().facts();
            Map<String, List<String>> offered = new LinkedHashMap<>();
            for (ProbedFacts.CpuModelInfo m : facts.cpuModels(sel.getValue())) {
                offered.put(m.name(), m.blockers().stream().map(QemuFeatureNames::toLibvirt).toList());
            }
            // libvirt 9.0 limits the result through the blockers of QEMU's models, not QEMU's feature list
            CpuDef cpu = baseline(parseAll(a.xmlCPUs(), false), offered, null, (a.flags() & MIGRATABLE) != 0, a.flags());
            return new CpuDef(false, "custom", "exact", null, cpu.model(), "forbid", cpu.vendor(), cpu.features()).format();
        });
    }

    private int compare(CpuDef host, String xml, boolean failIncompatible) throws VirtException {
        CpuDef cpu = parse(xml, false);
        if (host == null || host.model() == null) {
            if (failIncompatible) {
                throw new VirtException(ErrorCode.CPU_INCOMPATIBLE, ErrorDomain.CPU, "unknown host CPU");
            }
            return X86Compare.INCOMPATIBLE;
        }
        X86Compare.Result r;
        try {
            r = new X86Compare(cpuMap.get()).compare(host, cpu);
        } catch (IllegalStateException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CPU, e.getMessage());
        }
        if (r.verdict() == X86Compare.INCOMPATIBLE && failIncompatible) {
            throw new VirtException(ErrorCode.CPU_INCOMPATIBLE, ErrorDomain.CPU, r.reason());
        }
        return r.verdict();
    }

    private CpuDef baseline(List<CpuDef> cpus, Map<String, List<String>> offered, CpuBits hv, boolean migratable,
            int flags) throws VirtException {
        try {
            X86Baseline b = new X86Baseline(cpuMap.get());
            CpuDef cpu = b.baseline(cpus, offered, hv, migratable);
            return (flags & EXPAND_FEATURES) != 0 ? b.expand(cpu) : cpu;
        } catch (IllegalStateException e) {
            ErrorCode code = e.getMessage().startsWith("Unknown CPU model") || e.getMessage().startsWith("Unknown CPU feature")
                    || e.getMessage().startsWith("Cannot find") ? ErrorCode.INTERNAL_ERROR : ErrorCode.OPERATION_FAILED;
            throw new VirtException(code, ErrorDomain.CPU, e.getMessage());
        }
    }

    /** The host CPU named by decoding CPUID against the CPU map (no disabled features allowed). */
    private CpuDef host() {
        CpuDef h = hostCpu;
        if (h == null) {
            CpuMap map = cpuMap.get();
            h = HostCpuid.read(map).map(d -> new X86Decoder(map).decode(d, null, false))
                    .map(d -> new CpuDef(true, null, null, "x86_64", d.model(), null, d.vendor(),
                            d.features().stream().map(f -> new CpuDef.Feature(f.name(), "require")).toList()))
                    .orElse(null);
            hostCpu = h;
        }
        return h;
    }

    /** The host-model CPU of the emulator and accelerator a domain definition names (libvirt's FULL form). */
    CpuDef hostModel(org.virtd.conf.domain.DomainDef def) throws VirtException {
        var sel = selection.select(def.devices() == null ? null : def.devices().emulator(), def.os().arch(),
                def.os().machine(), def.type());
        return hypervisorCpu(sel.getKey(), sel.getValue());
    }

    private CpuDef hypervisorCpu(EmulatorCapabilities emu, String accel) {
        return HostModel.decode(emu.facts(), accel, cpuMap.get())
                .map(d -> new CpuDef(false, "custom", "exact", null, d.model(), "forbid", d.vendor(),
                        d.features().stream().map(f -> new CpuDef.Feature(f.name(), f.policy())).toList()))
                .orElse(null);
    }

    private static List<CpuDef> parseAll(List<String> xmls, boolean forceHost) throws VirtException {
        if (xmls.isEmpty()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.CPU, "nocpus");
        }
        List<CpuDef> out = new ArrayList<>();
        for (String x : xmls) {
            out.add(parse(x, forceHost));
        }
        return out;
    }

    private static CpuDef parse(String xml, boolean forceHost) throws VirtException {
        try {
            return CpuDef.parse(xml, forceHost);
        } catch (CpuXmlException e) {
            throw new VirtException(e.unsupported() ? ErrorCode.CONFIG_UNSUPPORTED : ErrorCode.XML_ERROR, ErrorDomain.CPU,
                    e.getMessage());
        }
    }

    private static void flags(int flags, int allowed, String function) throws VirtException {
        Checks.flags(flags, allowed, function, ErrorDomain.QEMU);
    }
}
