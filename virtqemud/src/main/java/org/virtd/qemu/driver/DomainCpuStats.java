package org.virtd.qemu.driver;

import org.virtd.qemu.cgroup.CpuAccounting;
import org.virtd.qemu.cgroup.DomainCgroup;
import org.virtd.qemu.cgroup.ThreadCgroups;
import org.virtd.qemu.host.CpuList;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.TypedParam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * virDomainGetCPUStats of a running guest from its cgroup's CPU accounting, in the API's two
 * shapes: the guest's total ({@code startCpu} -1: cpu_time, user_time, system_time) or per host
 * CPU (cpu_time, and vcpu_time when the guest's vCPUs have groups of their own). Asked with
 * {@code nparams} 0 it answers a count; entries left empty are not sent, as libvirtd's.
 */
final class DomainCpuStats {
    private static final int TOTAL_PARAMS = 3;

    private DomainCpuStats() {
    }

    /** @param cg the guest's cgroup; null or without cpuacct fails as libvirt does */
    static CountedParams of(DomainCgroup cg, int nparams, int startCpu, int ncpus) throws VirtException {
        if (cg == null || !cg.has("cpuacct")) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "cgroup CPUACCT controller is not mounted");
        }
        CpuAccounting acct = new CpuAccounting(cg);
        if (startCpu == -1) {
            return total(acct, nparams);
        }
        ThreadCgroups threads = new ThreadCgroups(cg);
        List<String> vcpus = threads.groups(ThreadCgroups.VCPU);
        if (nparams == 0 && ncpus != 0) {
            return new CountedParams(List.of(), vcpus.isEmpty() ? 1 : 2);
        }
        BitSet present;
        try {
            present = CpuList.read(CpuList.SYS_CPU.resolve("present"));
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "Unable to read '"
                    + CpuList.SYS_CPU.resolve("present") + "': " + e.getMessage());
        }
        int total = present.length();
        if (ncpus == 0) {
            return new CountedParams(List.of(), total);
        }
        if (startCpu >= total) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.CGROUP, "start_cpu " + startCpu
                    + " larger than maximum of " + (total - 1));
        }
        int need = Math.min(total, startCpu + ncpus);
        long[] cpuTime = acct.perCpu(present, need);
        long[] vcpuTime = null;
        if (!vcpus.isEmpty() && nparams > 1) {
            vcpuTime = new long[need];
            for (String v : vcpus) {
                long[] one = new CpuAccounting(cg.thread(v)).perCpu(present, need);
                for (int i = 0; i < need; i++) {
                    vcpuTime[i] += one[i];
                }
            }
        }
        List<TypedParam> out = new ArrayList<>();
        for (int i = startCpu; i < need; i++) {
            out.add(TypedParam.ofULLong("cpu_time", cpuTime[i]));
            if (vcpuTime != null) {
                out.add(TypedParam.ofULLong("vcpu_time", vcpuTime[i]));
            }
        }
        return new CountedParams(out, vcpuTime != null ? 2 : 1);
    }

    private static CountedParams total(CpuAccounting acct, int nparams) throws VirtException {
        if (nparams == 0) {
            return new CountedParams(List.of(), TOTAL_PARAMS);
        }
        List<TypedParam> out = new ArrayList<>();
        out.add(TypedParam.ofULLong("cpu_time", acct.usage()));
        if (nparams > 1) {
            long[] us = acct.userSystem();
            out.add(TypedParam.ofULLong("user_time", us[0]));
            if (nparams > 2) {
                out.add(TypedParam.ofULLong("system_time", us[1]));
            }
        }
        return new CountedParams(out, Math.min(nparams, TOTAL_PARAMS));
    }
}
