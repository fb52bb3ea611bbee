package org.virtd.qemu.stats;

import org.virtd.qemu.process.ProcStat;
import org.virtd.qemu.process.ThreadAffinity;

import java.io.IOException;
import java.util.BitSet;

/**
 * One vCPU thread read from {@code /proc} and its affinity: what virDomainGetVcpus and the vcpu
 * stats group report (state 1 = running, libvirt's only live state here).
 */
public record VcpuSample(int number, long tid, long timeNanos, int cpu, long waitNanos, long delayNanos,
                         BitSet affinity) {
    public static final int STATE_RUNNING = 1;

    public static VcpuSample read(int number, long pid, long tid) {
        ProcStat s = ProcStat.of(pid, tid);
        BitSet aff;
        try {
            aff = ThreadAffinity.get(tid);
        } catch (IOException e) {
            aff = HostCpus.all();
        }
        return s == null ? new VcpuSample(number, tid, 0, 0, 0, 0, aff)
                : new VcpuSample(number, tid, s.cpuNanos(), s.processor(), 0, s.delayNanos(), aff);
    }
}
