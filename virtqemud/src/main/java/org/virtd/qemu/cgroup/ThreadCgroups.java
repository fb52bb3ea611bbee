package org.virtd.qemu.cgroup;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The per-thread sub-groups of one guest's cgroup, as libvirt makes them when the CPU controllers
 * are in use: {@code vcpuN} for each vCPU thread, {@code iothreadN} for each I/O thread and
 * {@code emulator} for the rest of QEMU, each with its own CFS bandwidth and cpuset. They are
 * named, not remembered, so a daemon that re-attached to a guest finds them in the tree.
 */
public final class ThreadCgroups {
    public static final String VCPU = "vcpu";
    public static final String IOTHREAD = "iothread";
    public static final String EMULATOR = "emulator";

    private final DomainCgroup cg;

    public ThreadCgroups(DomainCgroup cg) {
        this.cg = cg;
    }

    public static String vcpu(int n) {
        return VCPU + n;
    }

    public static String iothread(int id) {
        return IOTHREAD + id;
    }

    /** Whether this guest gets per-thread groups: it uses a CPU controller. */
    public boolean enabled() {
        return cg.thread(EMULATOR) != null;
    }

    /**
     * Makes group {@code name} (an existing one is kept), confines it to {@code cpus} (null: the
     * parent's), sets its bandwidth (0: the kernel's) and moves {@code tids} into it; threads
     * that have exited meanwhile are skipped.
     */
    public void place(String name, BitSet cpus, long period, long quota, Collection<Long> tids) throws VirtException {
        DomainCgroup t = cg.thread(name);
        if (t == null) {
            return;
        }
        try {
            t.create();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to create cgroup for thread group '"
                    + name + "' of " + cg.path() + ": " + e.getMessage(), e);
        }
        CgroupTuning tuning = new CgroupTuning(t);
        if (cpus != null && t.has("cpuset")) {
            tuning.setCpus(cpus);
        }
        if (t.has("cpu") && (period != 0 || quota != 0)) {
            tuning.setBandwidth(period, quota);
        }
        for (long tid : tids) {
            tuning.addThread(tid);
        }
    }

    /** Confines existing group {@code name} to {@code cpus}; nothing when it or the cpuset controller is missing. */
    public void pin(String name, BitSet cpus) throws VirtException {
        DomainCgroup t = cg.thread(name);
        if (t != null && t.has("cpuset") && t.exists()) {
            new CgroupTuning(t).setCpus(cpus);
        }
    }

    /** Removes group {@code name} once its thread has left, waiting up to {@code waitMillis}. */
    public boolean remove(String name, long waitMillis) {
        DomainCgroup t = cg.thread(name);
        return t == null || t.remove(waitMillis);
    }

    /**
     * The existing groups of {@code kind} ({@link #VCPU}, {@link #IOTHREAD} in number order, or
     * {@link #EMULATOR}).
     */
    public List<String> groups(String kind) {
        if (!enabled()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String n : cg.subgroupNames(kind)) {
            String rest = n.substring(kind.length());
            if (kind.equals(EMULATOR) ? rest.isEmpty() : rest.matches("[0-9]+")) {
                out.add(n);
            }
        }
        out.sort(Comparator.comparingInt(n -> n.length() == kind.length() ? 0 : Integer.parseInt(n.substring(kind.length()))));
        return out;
    }

    /** Sets the bandwidth of every group of {@code kind}; a guest without such groups keeps its cgroup as it is. */
    public void setBandwidth(String kind, long period, long quota) throws VirtException {
        for (String n : groups(kind)) {
            new CgroupTuning(cg.thread(n)).setBandwidth(period, quota);
        }
    }

    /**
     * {period, quota} of the first group of {@code kind}; the guest's own when it has none
     * (libvirt's answer for a guest without I/O threads).
     */
    public long[] bandwidth(String kind) throws VirtException {
        List<String> g = groups(kind);
        return new CgroupTuning(g.isEmpty() ? cg : cg.thread(g.get(0))).bandwidth();
    }
}
