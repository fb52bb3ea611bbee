package org.virtd.qemu.stats;

import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.qemu.cgroup.CpuAccounting;
import org.virtd.qemu.cgroup.DomainCgroup;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.hostnet.HostNics;
import org.virtd.qemu.hostnet.InterfaceCounters;
import org.virtd.qemu.lifecycle.CgroupRuns;
import org.virtd.qemu.lifecycle.LiveGuests;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.lifecycle.VcpuThreads;
import org.virtd.qemu.process.ProcStat;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.MemoryStat;
import org.virtd.rpc.remote.types.TypedParam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The typed parameters of one domain's getAllDomainStats record, group by group in libvirt's
 * order and with its field names: state, cpu-total, balloon, vcpu, interface, block and
 * dirtyrate (perf, iothread, memory and vm have nothing to report here). A group whose QEMU
 * query fails is left out, as libvirt does, so one busy guest does not fail the whole call.
 */
public final class StatsGroups {
    public static final int STATE = 1;
    public static final int CPU_TOTAL = 2;
    public static final int BALLOON = 4;
    public static final int VCPU = 8;
    public static final int INTERFACE = 16;
    public static final int BLOCK = 32;
    public static final int PERF = 64;
    public static final int IOTHREAD = 128;
    public static final int MEMORY = 256;
    public static final int DIRTYRATE = 512;
    public static final int VM = 1024;
    /** Every group libvirt 9.0 knows with this QEMU. */
    public static final int ALL = 0x7ff;

    /** libvirt's memory stat names by tag (VIR_DOMAIN_MEMORY_STAT_*); ACTUAL is balloon.current instead. */
    private static final String[] MEMORY_NAMES = {"swap_in", "swap_out", "major_fault", "minor_fault", "unused",
        "available", null, "rss", "usable", "last-update", "disk_caches", "hugetlb_pgalloc", "hugetlb_pgfail"};

    private StatsGroups() {
    }

    /** The record of {@code dom}; {@code rd} is its run, null while inactive. */
    public static List<TypedParam> collect(DomainObject dom, RunningDomain rd, int groups) {
        List<TypedParam> out = new ArrayList<>();
        DomainDef def = rd != null ? rd.live() : dom.def();
        QmpClient monitor = rd != null ? LiveGuests.monitor(rd) : null;
        if ((groups & STATE) != 0) {
            out.add(TypedParam.ofInt("state.state", dom.state()));
            out.add(TypedParam.ofInt("state.reason", dom.reason()));
        }
        if ((groups & CPU_TOTAL) != 0) {
            cpu(out, rd);
        }
        if ((groups & BALLOON) != 0) {
            balloon(out, def, rd, monitor);
        }
        if ((groups & VCPU) != 0) {
            vcpus(out, def, rd, monitor);
        }
        if ((groups & INTERFACE) != 0 && rd != null) {
            interfaces(out, def);
        }
        if ((groups & BLOCK) != 0) {
            block(out, def, monitor);
        }
        if ((groups & DIRTYRATE) != 0 && rd != null) {
            out.add(TypedParam.ofInt("dirtyrate.calc_status", 0));
            out.add(TypedParam.ofLLong("dirtyrate.calc_start_time", 0));
            out.add(TypedParam.ofInt("dirtyrate.calc_period", 0));
            out.add(TypedParam.ofString("dirtyrate.calc_mode", "page-sampling"));
        }
        return out;
    }

    /** Counters per NIC with a host device, numbered by the NIC's place; user-mode NICs only count. */
    private static void interfaces(List<TypedParam> out, DomainDef def) {
        List<InterfaceDef> nics = Nics.all(def);
        out.add(TypedParam.ofUInt("net.count", nics.size()));
        for (int i = 0; i < nics.size(); i++) {
            InterfaceDef n = nics.get(i);
            if (n.targetDev() == null) {
                continue;
            }
            String p = "net." + i + ".";
            out.add(TypedParam.ofString(p + "name", n.targetDev()));
            InterfaceCounters c = InterfaceCounters.of(n.targetDev(), HostNics.tapBacked(n));
            if (c == null) {
                continue;
            }
            out.add(TypedParam.ofULLong(p + "rx.bytes", c.rxBytes()));
            out.add(TypedParam.ofULLong(p + "rx.pkts", c.rxPackets()));
            out.add(TypedParam.ofULLong(p + "rx.errs", c.rxErrors()));
            out.add(TypedParam.ofULLong(p + "rx.drop", c.rxDropped()));
            out.add(TypedParam.ofULLong(p + "tx.bytes", c.txBytes()));
            out.add(TypedParam.ofULLong(p + "tx.pkts", c.txPackets()));
            out.add(TypedParam.ofULLong(p + "tx.errs", c.txErrors()));
            out.add(TypedParam.ofULLong(p + "tx.drop", c.txDropped()));
        }
    }

    /**
     * A guest with a cgroup: its CPU accounting (nothing when it lacks cpuacct). Without cgroups
     * libvirt reads the QEMU process's times; for an inactive domain, its own (pid 0).
     */
    private static void cpu(List<TypedParam> out, RunningDomain rd) {
        DomainCgroup cg = CgroupRuns.of(rd);
        if (cg != null) {
            cgroupCpu(out, cg);
        } else {
            ProcStat s = rd != null ? ProcStat.of(rd.process().pid(), 0) : ProcStat.self();
            if (s == null) {
                return;
            }
            out.add(TypedParam.ofULLong("cpu.time", s.cpuNanos()));
            out.add(TypedParam.ofULLong("cpu.user", s.userNanos()));
            out.add(TypedParam.ofULLong("cpu.system", s.systemNanos()));
        }
        if (rd != null) {
            out.add(TypedParam.ofUInt("cpu.cache.monitor.count", 0));
            out.add(TypedParam.ofULLong("cpu.haltpoll.success.time", 0));
            out.add(TypedParam.ofULLong("cpu.haltpoll.fail.time", 0));
        }
    }

    /** Each figure the cgroup can give; one it cannot is left out, as libvirt's. */
    private static void cgroupCpu(List<TypedParam> out, DomainCgroup cg) {
        if (!cg.has("cpuacct")) {
            return;
        }
        CpuAccounting acct = new CpuAccounting(cg);
        try {
            out.add(TypedParam.ofULLong("cpu.time", acct.usage()));
        } catch (VirtException e) {
            // left out
        }
        try {
            long[] us = acct.userSystem();
            out.add(TypedParam.ofULLong("cpu.user", us[0]));
            out.add(TypedParam.ofULLong("cpu.system", us[1]));
        } catch (VirtException e) {
            // left out
        }
    }

    private static void balloon(List<TypedParam> out, DomainDef def, RunningDomain rd, QmpClient monitor) {
        long current = def.currentMemoryKiB() == 0 ? def.memoryKiB() : def.currentMemoryKiB();
        out.add(TypedParam.ofULLong("balloon.current", current));
        out.add(TypedParam.ofULLong("balloon.maximum", def.memoryKiB()));
        if (rd == null) {
            return;
        }
        List<MemoryStat> stats = new ArrayList<>();
        try {
            stats.addAll(BalloonStats.balloon(monitor, hasBalloon(def)));
        } catch (VirtException e) {
            return;
        }
        ProcStat s = ProcStat.of(rd.process().pid(), 0);
        if (s != null) {
            stats.add(new MemoryStat(BalloonStats.RSS, s.rssKiB()));
        }
        for (MemoryStat m : stats) {
            if (m.tag() >= 0 && m.tag() < MEMORY_NAMES.length && MEMORY_NAMES[m.tag()] != null) {
                out.add(TypedParam.ofULLong("balloon." + MEMORY_NAMES[m.tag()], m.val()));
            }
        }
    }

    private static void vcpus(List<TypedParam> out, DomainDef def, RunningDomain rd, QmpClient monitor) {
        out.add(TypedParam.ofUInt("vcpu.current", def.vcpus().effectiveCurrent()));
        out.add(TypedParam.ofUInt("vcpu.maximum", def.vcpus().max()));
        if (rd == null) {
            return;
        }
        Map<Integer, Long> threads;
        try {
            threads = VcpuThreads.of(monitor);
        } catch (VirtException e) {
            return;
        }
        for (Map.Entry<Integer, Long> e : threads.entrySet()) {
            ProcStat s = ProcStat.of(rd.process().pid(), e.getValue());
            String p = "vcpu." + e.getKey() + ".";
            out.add(TypedParam.ofInt(p + "state", VcpuSample.STATE_RUNNING));
            out.add(TypedParam.ofULLong(p + "time", s == null ? 0 : s.cpuNanos()));
            out.add(TypedParam.ofULLong(p + "wait", 0));
            out.add(TypedParam.ofULLong(p + "delay", s == null ? 0 : s.delayNanos()));
        }
    }

    private static void block(List<TypedParam> out, DomainDef def, QmpClient monitor) {
        List<DiskDef> disks = Disks.disks(def);
        Map<String, BlockCounters> counters = null;
        if (monitor != null && !disks.isEmpty()) {
            try {
                counters = BlockCounters.query(monitor);
            } catch (VirtException e) {
                return;
            }
        }
        out.add(TypedParam.ofUInt("block.count", disks.size()));
        for (int i = 0; i < disks.size(); i++) {
            DiskDef d = disks.get(i);
            String p = "block." + i + ".";
            out.add(TypedParam.ofString(p + "name", d.targetDev()));
            if (d.source() != null) {
                out.add(TypedParam.ofString(p + "path", d.source()));
            }
            ImageSizes sizes = sizes(d);
            if (counters != null) {
                BlockCounters b = counters.getOrDefault(Disks.formatNode(def, i), BlockCounters.ZERO);
                out.add(TypedParam.ofUInt(p + "backingIndex", 1));
                out.add(TypedParam.ofULLong(p + "rd.reqs", b.rdReq()));
                out.add(TypedParam.ofULLong(p + "rd.bytes", b.rdBytes()));
                out.add(TypedParam.ofULLong(p + "rd.times", b.rdTimes()));
                out.add(TypedParam.ofULLong(p + "wr.reqs", b.wrReq()));
                out.add(TypedParam.ofULLong(p + "wr.bytes", b.wrBytes()));
                out.add(TypedParam.ofULLong(p + "wr.times", b.wrTimes()));
                out.add(TypedParam.ofULLong(p + "fl.reqs", b.flReq()));
                out.add(TypedParam.ofULLong(p + "fl.times", b.flTimes()));
                out.add(TypedParam.ofULLong(p + "allocation", b.wrHighest()));
            } else if (sizes != null) {
                out.add(TypedParam.ofULLong(p + "allocation", sizes.allocation()));
            }
            if (sizes != null) {
                out.add(TypedParam.ofULLong(p + "capacity", sizes.capacity()));
                out.add(TypedParam.ofULLong(p + "physical", sizes.physical()));
            }
        }
    }

    private static ImageSizes sizes(DiskDef d) {
        if (d.source() == null) {
            return null;
        }
        try {
            return ImageSizes.of(Path.of(d.source()), d.driverType());
        } catch (IOException e) {
            return null;
        }
    }

    public static boolean hasBalloon(DomainDef def) {
        return def.devices() != null && def.devices().memballoon() != null
                && !"none".equals(def.devices().memballoon().model());
    }
}
