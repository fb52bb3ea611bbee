package org.virtd.qemu.driver;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.hostnet.HostNics;
import org.virtd.qemu.hostnet.InterfaceCounters;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.LiveGuests;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.process.ProcStat;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.stats.BalloonStats;
import org.virtd.qemu.stats.BlockCounters;
import org.virtd.qemu.stats.Disks;
import org.virtd.qemu.stats.ImageSizes;
import org.virtd.qemu.stats.Nics;
import org.virtd.qemu.stats.StatsGroups;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.BlockInfo;
import org.virtd.rpc.remote.types.BlockStats;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.InterfaceStats;
import org.virtd.rpc.remote.types.MemoryStat;
import org.virtd.rpc.remote.types.TypedParam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The per-domain statistics of disks, NICs and memory (virsh domblkstat, domifstat,
 * dommemstat, domblkinfo and virDomainBlockPeek), with libvirt's flag checks and errors: block
 * and memory counters need a running domain, block info and peeks read the image files and
 * work on inactive domains too.
 */
final class DomainStatsHandlers {
    /** blockStatsFlags parameter count (libvirt's order: writes, reads, flushes, then times). */
    static final int BLOCK_STATS_PARAMS = 8;
    /** The flag every client sets on typed-parameter calls; accepted and ignored. */
    static final int TYPED_PARAM_STRING_OKAY = 4;
    static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;
    static final int MEMORY_VIRTUAL = 1;
    static final int MEMORY_PHYSICAL = 2;

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;

    DomainStatsHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes) {
        this.lookup = lookup;
        this.processes = processes;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_BLOCK_STATS, (c, a) -> blockStats(lookup.resolve(a.domain()), a.path()));
        t.on(RemoteProgram.DOMAIN_BLOCK_STATS_FLAGS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), TYPED_PARAM_STRING_OKAY, "qemuDomainBlockStatsFlags");
            return blockStatsFlags(lookup.resolve(a.domain()), a.path(), a.nparams());
        });
        t.on(RemoteProgram.DOMAIN_INTERFACE_STATS, (c, a) -> {
            DomainObject dom = lookup.resolve(a.domain());
            RunningDomain rd = guests().active(dom, ErrorDomain.DOMAIN);
            var nic = Nics.find(rd.live(), a.path());
            if (nic == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                        "'" + a.path() + "' is not a known interface");
            }
            return interfaceStats(nic);
        });
        t.on(RemoteProgram.DOMAIN_SET_MEMORY_STATS_PERIOD, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainSetMemoryStatsPeriod");
            setMemoryStatsPeriod(lookup.resolve(a.domain()), a.nparams(), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_MEMORY_STATS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainMemoryStats");
            return memoryStats(lookup.resolve(a.domain()), a.maxStats());
        });
        t.on(RemoteProgram.DOMAIN_GET_BLOCK_INFO, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainGetBlockInfo");
            return blockInfo(lookup.resolve(a.domain()), a.path());
        });
        t.on(RemoteProgram.DOMAIN_BLOCK_PEEK, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainBlockPeek");
            return blockPeek(lookup.resolve(a.domain()), a.path(), a.offset(), a.size());
        });
        t.on(RemoteProgram.DOMAIN_MEMORY_PEEK, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), MEMORY_VIRTUAL | MEMORY_PHYSICAL, "qemuDomainMemoryPeek");
            if (a.flags() != MEMORY_VIRTUAL && a.flags() != MEMORY_PHYSICAL) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "flags parameter must be VIR_MEMORY_VIRTUAL or VIR_MEMORY_PHYSICAL");
            }
            return memoryPeek(lookup.resolve(a.domain()), a.offset(), a.size(), a.flags() == MEMORY_VIRTUAL);
        });
    }

    /** A user-mode NIC has no host device to count on; a tap's counters are the guest's mirrored. */
    private static InterfaceStats interfaceStats(Devices.InterfaceDef nic) throws VirtException {
        if (nic.targetDev() == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "Interface name not provided");
        }
        InterfaceCounters c = InterfaceCounters.of(nic.targetDev(), HostNics.tapBacked(nic));
        if (c == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "/proc/net/dev: Interface not found");
        }
        return new InterfaceStats(c.rxBytes(), c.rxPackets(), c.rxErrors(), c.rxDropped(), c.txBytes(),
                c.txPackets(), c.txErrors(), c.txDropped());
    }

    private LiveGuests guests() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p.guests();
    }

    /** The counters of the disk {@code path} names, or of all disks summed when it is empty. */
    BlockCounters counters(DomainObject dom, String path) throws VirtException {
        RunningDomain rd = guests().active(dom, ErrorDomain.DOMAIN);
        DomainDef def = rd.live();
        Map<String, BlockCounters> all = BlockCounters.query(LiveGuests.monitor(rd));
        if (path.isEmpty()) {
            BlockCounters sum = BlockCounters.ZERO;
            for (int i = 0; i < Disks.disks(def).size(); i++) {
                sum = sum.plus(all.getOrDefault(Disks.formatNode(def, i), BlockCounters.ZERO));
            }
            return sum;
        }
        int i = Disks.indexOf(def, path);
        if (i < 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "invalid path: " + path);
        }
        return all.getOrDefault(Disks.formatNode(def, i), BlockCounters.ZERO);
    }

    BlockStats blockStats(DomainObject dom, String path) throws VirtException {
        BlockCounters b = counters(dom, path);
        return new BlockStats(b.rdReq(), b.rdBytes(), b.wrReq(), b.wrBytes(), -1);
    }

    CountedParams blockStatsFlags(DomainObject dom, String path, int nparams) throws VirtException {
        BlockCounters b = counters(dom, path);
        if (nparams == 0) {
            return new CountedParams(List.of(), BLOCK_STATS_PARAMS);
        }
        List<TypedParam> p = List.of(TypedParam.ofLLong("wr_bytes", b.wrBytes()),
                TypedParam.ofLLong("wr_operations", b.wrReq()), TypedParam.ofLLong("rd_bytes", b.rdBytes()),
                TypedParam.ofLLong("rd_operations", b.rdReq()), TypedParam.ofLLong("flush_operations", b.flReq()),
                TypedParam.ofLLong("wr_total_times", b.wrTimes()), TypedParam.ofLLong("rd_total_times", b.rdTimes()),
                TypedParam.ofLLong("flush_total_times", b.flTimes()));
        List<TypedParam> out = p.subList(0, Math.min(Math.max(nparams, 0), p.size()));
        return new CountedParams(out, out.size());
    }

    List<MemoryStat> memoryStats(DomainObject dom, int maxStats) throws VirtException {
        RunningDomain rd = guests().active(dom, ErrorDomain.DOMAIN);
        List<MemoryStat> out = new ArrayList<>(BalloonStats.balloon(LiveGuests.monitor(rd), StatsGroups.hasBalloon(rd.live())));
        ProcStat s = ProcStat.of(rd.process().pid(), 0);
        if (s != null) {
            out.add(new MemoryStat(BalloonStats.RSS, s.rssKiB()));
        }
        return out.subList(0, Math.min(out.size(), Math.max(maxStats, 0)));
    }

    /** The balloon's statistics period, live through QOM and/or in {@code <memballoon><stats period>}. */
    void setMemoryStatsPeriod(DomainObject dom, int seconds, int flags) throws VirtException {
        DomainLookup.locked(dom, () -> {
            ModificationImpact impact = ModificationImpact.of(dom, flags);
            if (impact.live()) {
                DomainProcesses p = processes.get();
                if (p == null) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "the QEMU driver is still starting");
                }
                p.resources().setBalloonPeriod(dom, seconds);
            }
            if (impact.config()) {
                DomainDef def = dom.def();
                if (!StatsGroups.hasBalloon(def)) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                            "No memory balloon device configured, can not set the collection period");
                }
                lookup.registry().saveConfig(dom, def.withDevices(
                        def.devices().withMemballoon(def.devices().memballoon().withPeriod(seconds))));
            }
            return null;
        });
    }

    BlockInfo blockInfo(DomainObject dom, String path) throws VirtException {
        DomainDef def = dom.currentDef();
        int i = Disks.indexOf(def, path);
        if (i < 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "invalid path " + path + " not assigned to domain");
        }
        DiskDef d = Disks.disks(def).get(i);
        if (d.source() == null) {
            return new BlockInfo(0, 0, 0);
        }
        try {
            ImageSizes s = ImageSizes.of(Path.of(d.source()), d.driverType());
            return new BlockInfo(s.allocation(), s.capacity(), s.physical());
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "cannot stat file '" + d.source() + "': No such file or directory");
        }
    }

    /**
     * Guest memory through QEMU's {@code memsave} (virtual addresses, of vCPU 0) or
     * {@code pmemsave} (physical) into a file in the domain's directory, read back and removed.
     */
    byte[] memoryPeek(DomainObject dom, long offset, int size, boolean virtual) throws VirtException {
        dom.lock().lock();
        Path tmp = null;
        try {
            RunningDomain rd = guests().active(dom, ErrorDomain.DOMAIN);
            tmp = Files.createTempFile(rd.domainDir(), "qemu.mem.", "");
            LiveGuests.monitor(rd).execute(virtual ? "memsave" : "pmemsave", JsonObject.of("val", offset,
                    "size", (long) size, "filename", tmp.toString()));
            byte[] data = Files.readAllBytes(tmp);
            return data.length == size ? data : Arrays.copyOf(data, size);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "failed to read temporary file created with template " + e.getMessage());
        } finally {
            dom.lock().unlock();
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the run's directory is removed when it stops
                }
            }
        }
    }

    byte[] blockPeek(DomainObject dom, String path, long offset, int size) throws VirtException {
        DomainDef def = dom.currentDef();
        int i = Disks.indexOf(def, path);
        if (i < 0 || Disks.disks(def).get(i).source() == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "disk '" + path + "' not found in domain");
        }
        Path file = Path.of(Disks.disks(def).get(i).source());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(size);
            long at = offset;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, at);
                if (n <= 0) {
                    break;
                }
                at += n;
            }
            if (buf.hasRemaining()) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "'" + path + "' starting from "
                        + Long.toUnsignedString(offset) + " has only " + buf.position() + " bytes available");
            }
            return buf.array();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "unable to read '" + file + "': " + e.getMessage());
        }
    }
}
