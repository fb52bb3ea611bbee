package org.virtd.qemu.cpu;

import java.util.List;

/**
 * Compares a CPU definition with the CPU of a host or hypervisor the way libvirt's x86 driver
 * does: incompatible when the arch or vendor differ, a forbidden feature is present or a required
 * one missing; identical when nothing is left over; a superset otherwise (incompatible too for a
 * guest CPU with match='strict').
 */
public final class X86Compare {
    public static final int INCOMPATIBLE = 0;
    public static final int IDENTICAL = 1;
    public static final int SUPERSET = 2;

    /** The verdict, and for an incompatible CPU libvirt's reason. */
    public record Result(int verdict, String reason) {
    }

    private final CpuMap map;

    public X86Compare(CpuMap map) {
        this.map = map;
    }

    public Result compare(CpuDef host, CpuDef cpu) {
        if (cpu.arch() != null && !cpu.arch().equals("x86_64") && !cpu.arch().equals("i686")) {
            return new Result(INCOMPATIBLE, "CPU arch " + cpu.arch() + " does not match host arch");
        }
        if (cpu.vendor() != null && (host.vendor() == null || !cpu.vendor().equals(host.vendor()))) {
            return new Result(INCOMPATIBLE, "host CPU vendor does not match required CPU vendor " + cpu.vendor());
        }
        CpuBits hostData = X86Data.of(map, host, null);
        CpuBits force = X86Data.of(map, cpu, "force");
        CpuBits require = X86Data.of(map, cpu, "require");
        CpuBits optional = X86Data.of(map, cpu, "optional");
        CpuBits disable = X86Data.of(map, cpu, "disable");
        CpuBits forbid = X86Data.of(map, cpu, "forbid");
        forbid.intersect(hostData);
        if (!forbid.isEmpty()) {
            return new Result(INCOMPATIBLE, "Host CPU provides forbidden features: " + names(forbid));
        }
        require.subtract(force);
        require.subtract(optional);
        require.subtract(disable);
        CpuBits missing = require.copy();
        missing.subtract(hostData);
        if (!missing.isEmpty()) {
            return new Result(INCOMPATIBLE, "Host CPU does not provide required features: " + names(missing));
        }
        CpuBits diff = hostData.copy();
        diff.subtract(optional);
        diff.subtract(require);
        diff.subtract(disable);
        diff.subtract(force);
        if (diff.isEmpty()) {
            return new Result(IDENTICAL, null);
        }
        if (!cpu.host() && "strict".equals(cpu.match())) {
            return new Result(INCOMPATIBLE, "Host CPU does not strictly match guest CPU: Extra features: " + names(diff));
        }
        return new Result(SUPERSET, null);
    }

    private String names(CpuBits data) {
        List<String> n = map.featureNames(data.copy());
        return String.join(", ", n);
    }
}
