package org.virtd.qemu.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The newest CPU all given CPUs can provide, as libvirt's x86 baseline computes it: the
 * intersection of their feature data (optionally further limited to what the hypervisor offers),
 * decoded into a model, preferring the model all inputs name. The vendor is kept only when every
 * input names it.
 */
public final class X86Baseline {
    private final CpuMap map;

    public X86Baseline(CpuMap map) {
        this.map = map;
    }

    /**
     * @param offered       the hypervisor's models and their blockers, or null for any model
     * @param hvFeatures    what the hypervisor's CPU provides, or null for no limit
     * @param migratable    drop features that block migration
     * @throws IllegalStateException with libvirt's message when the CPUs cannot be combined
     */
    public CpuDef baseline(List<CpuDef> cpus, Map<String, List<String>> offered, CpuBits hvFeatures, boolean migratable) {
        CpuBits base = X86Data.of(map, cpus.get(0), null);
        String vendor = cpus.get(0).vendor();
        boolean outputVendor = vendor != null;
        if (vendor != null && !map.hasVendor(vendor)) {
            throw new IllegalStateException("Unknown CPU vendor " + vendor);
        }
        String preferred = cpus.get(0).model();
        for (int i = 1; i < cpus.size(); i++) {
            CpuDef c = cpus.get(i);
            if (preferred != null && !preferred.equals(c.model())) {
                preferred = null;
            }
            String modelVendor = c.model() == null ? null : map.model(c.model()).map(X86Model::vendor).orElse(null);
            if (c.vendor() != null && modelVendor != null && !c.vendor().equals(modelVendor)) {
                throw new IllegalStateException("CPU vendor " + modelVendor + " of model " + c.model()
                        + " differs from vendor " + c.vendor());
            }
            String vn = c.vendor();
            if (vn == null) {
                outputVendor = false;
                vn = modelVendor;
            }
            if (vn != null) {
                if (vendor == null) {
                    if (!map.hasVendor(vn)) {
                        throw new IllegalStateException("Unknown CPU vendor " + vn);
                    }
                    vendor = vn;
                } else if (!vendor.equals(vn)) {
                    throw new IllegalStateException("CPU vendors do not match");
                }
            }
            base.intersect(X86Data.of(map, c, null));
        }
        if (hvFeatures != null) {
            base.intersect(hvFeatures);
        }
        if (base.isEmpty()) {
            throw new IllegalStateException("CPUs are incompatible");
        }
        X86Decoder.Decoded d = new X86Decoder(map).decodePreferring(new X86Decoder.CpuData(base, vendor, 0, 0),
                offered, preferred);
        if (d == null) {
            throw new IllegalStateException("Cannot find suitable CPU model for given data");
        }
        List<CpuDef.Feature> features = new ArrayList<>();
        for (X86Decoder.Feature f : d.features()) {
            boolean keep = !migratable || map.feature(f.name()).map(X86Feature::migratable).orElse(true);
            if (keep) {
                features.add(new CpuDef.Feature(f.name(), f.policy()));
            }
        }
        String fallback = d.model().equals(preferred) ? "forbid" : "allow";
        return new CpuDef(false, "custom", "exact", null, d.model(), fallback, outputVendor ? d.vendor() : null, features);
    }

    /** The definition with every feature of its model listed (virsh's --features). */
    public CpuDef expand(CpuDef cpu) {
        if (cpu.model() == null) {
            return cpu;
        }
        X86Model m = map.model(cpu.model()).orElseThrow(() -> new IllegalStateException("Unknown CPU model " + cpu.model()));
        List<CpuDef.Feature> out = new ArrayList<>();
        m.features().forEach(n -> out.add(new CpuDef.Feature(n, "require")));
        out.sort(java.util.Comparator.comparing(CpuDef.Feature::name));
        for (CpuDef.Feature f : cpu.features()) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).name().equals(f.name())) {
                    at = i;
                }
            }
            if (at >= 0) {
                out.set(at, f);
            } else {
                out.add(f);
            }
        }
        out.sort(java.util.Comparator.comparing(CpuDef.Feature::name));
        return new CpuDef(cpu.host(), cpu.mode(), cpu.match(), cpu.arch(), cpu.model(), cpu.fallback(), cpu.vendor(), out);
    }
}
