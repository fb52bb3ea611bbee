package org.virtd.qemu.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.virtd.core.driver.Checks;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.host.CpuList;
import org.virtd.qemu.host.KsmParameters;
import org.virtd.qemu.host.NodeCpuStats;
import org.virtd.qemu.host.NodeMemoryStats;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtError;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.NodeCpuMap;
import org.virtd.rpc.remote.types.NodeStat;
import org.virtd.rpc.remote.types.NodeStats;
import org.virtd.rpc.remote.types.TypedParam;

/**
 * The host statistics calls (virsh nodecpustats, nodememstats, nodecpumap, node-memory-tune).
 * libvirt answers them from its host utilities rather than the QEMU driver, so their errors are
 * in no error domain and name those utilities' functions.
 */
final class NodeStatsHandlers {
    /** VIR_TYPED_PARAM_STRING_OKAY: the only flag the memory-parameters getter takes. */
    private static final int STRING_OKAY = 4;

    private final Path procStat;
    private final Path procMeminfo;
    private final Path sysCpu;
    private final Path sysNode;
    private final Path ksm;

    NodeStatsHandlers() {
        this(Path.of("/proc/stat"), Path.of("/proc/meminfo"), CpuList.SYS_CPU, Path.of("/sys/devices/system/node"),
                KsmParameters.DIR);
    }

    NodeStatsHandlers(Path procStat, Path procMeminfo, Path sysCpu, Path sysNode, Path ksm) {
        this.procStat = procStat;
        this.procMeminfo = procMeminfo;
        this.sysCpu = sysCpu;
        this.sysNode = sysNode;
        this.ksm = ksm;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.NODE_GET_CPU_STATS, (c, a) -> cpuStats(a.cpuNum(), a.nparams(), a.flags()));
        t.on(RemoteProgram.NODE_GET_MEMORY_STATS, (c, a) -> memoryStats(a.cellNum(), a.nparams(), a.flags()));
        t.on(RemoteProgram.NODE_GET_CPU_MAP, (c, a) -> cpuMap(a.needMap() != 0, a.flags()));
        t.on(RemoteProgram.NODE_GET_MEMORY_PARAMETERS, (c, a) -> memoryParameters(a.nparams(), a.flags()));
    }

    NodeStats cpuStats(int cpu, int nparams, int flags) throws VirtException {
        flags(flags, 0, "virHostCPUGetStats");
        if (nparams == 0) {
            return new NodeStats(List.of(), NodeCpuStats.COUNT);
        }
        Map<String, Long> stats;
        try {
            stats = NodeCpuStats.read(procStat, cpu);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "cannot open " + procStat + ": " + e.getMessage());
        }
        if (stats == null) {
            throw raw("Invalid cpuNum in virHostCPUGetStatsLinux");
        }
        return new NodeStats(toList(stats, nparams), Math.min(nparams, stats.size()));
    }

    NodeStats memoryStats(int cell, int nparams, int flags) throws VirtException {
        flags(flags, 0, "virHostMemGetStats");
        Path meminfo = procMeminfo;
        if (cell != -1) {
            int maxNode = maxNode();
            if (cell < 0 || cell > maxNode) {
                throw raw("cellNum in virHostMemGetStats must be less than or equal to " + maxNode);
            }
            meminfo = sysNode.resolve("node" + cell).resolve("meminfo");
        }
        if (nparams == 0) {
            return new NodeStats(List.of(), NodeMemoryStats.COUNT);
        }
        try {
            Map<String, Long> stats = NodeMemoryStats.read(meminfo);
            return new NodeStats(toList(stats, nparams), Math.min(nparams, stats.size()));
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "cannot open " + meminfo + ": " + e.getMessage());
        }
    }

    NodeCpuMap cpuMap(boolean needMap, int flags) throws VirtException {
        flags(flags, 0, "virHostCPUGetMap");
        try {
            BitSet present = CpuList.read(sysCpu.resolve("present"));
            BitSet online = CpuList.read(sysCpu.resolve("online"));
            int cpus = present.length();
            byte[] map = needMap ? CpuList.bytes(online, cpus) : new byte[0];
            online.and(present);
            return new NodeCpuMap(map, online.cardinality(), cpus);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "Unable to read CPU lists: " + e.getMessage());
        }
    }

    CountedParams memoryParameters(int nparams, int flags) throws VirtException {
        flags(flags, STRING_OKAY, "virHostMemGetParameters");
        List<TypedParam> out = new ArrayList<>();
        for (KsmParameters.Param p : KsmParameters.PARAMS) {
            if (!Files.exists(ksm.resolve(p.file()))) {
                continue;
            }
            if (nparams == 0) {
                out.add(null);
                continue;
            }
            if (out.size() >= nparams) {
                break;
            }
            try {
                long v = KsmParameters.value(ksm, p);
                out.add(p.counter() ? TypedParam.ofULLong(p.field(), v) : TypedParam.ofUInt(p.field(), (int) v));
            } catch (IOException | NumberFormatException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                        "unable to read " + ksm.resolve(p.file()) + ": " + e.getMessage());
            }
        }
        return nparams == 0 ? new CountedParams(List.of(), out.size()) : new CountedParams(out, out.size());
    }

    private int maxNode() {
        try (var s = Files.list(sysNode)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("node\\d+"))
                    .mapToInt(n -> Integer.parseInt(n.substring(4))).max().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<NodeStat> toList(Map<String, Long> stats, int nparams) {
        return stats.entrySet().stream().limit(nparams).map(e -> new NodeStat(e.getKey(), e.getValue())).toList();
    }

    private static void flags(int flags, int allowed, String function) throws VirtException {
        Checks.flags(flags, allowed, function, ErrorDomain.NONE);
    }

    private static VirtException raw(String message) {
        return new VirtException(VirtError.verbatim(ErrorCode.INVALID_ARG, ErrorDomain.NONE, message));
    }
}
