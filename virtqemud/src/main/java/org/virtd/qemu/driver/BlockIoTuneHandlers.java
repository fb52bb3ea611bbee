package org.virtd.qemu.driver;

import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DiskIoTune;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.BlockThrottle;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.LiveGuests;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.stats.Disks;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.TunableEvent;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A disk's I/O throttling (blkdeviotune; qemuDomainSetBlockIoTune/qemuDomainGetBlockIoTune):
 * LIVE through QEMU ({@link BlockThrottle}) and the live {@code <iotune>}, CONFIG in the
 * persistent definition. Limits given together replace their whole family (total/read/write of
 * one kind); the others keep their values.
 */
final class BlockIoTuneHandlers {

    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;
    /** {@code VIR_TYPED_PARAM_STRING_OKAY}: the caller can take the group name, a string. */
    private static final int STRING_OKAY = 4;
    /** QEMU's largest limit as libvirt accepts it. */
    private static final long MAX_LIMIT = 1_000_000_000_000_000L;
    private static final String GROUP = "group_name";
    /** Limits that are set together: giving one resets the others of its family. */
    private static final List<List<String>> FAMILIES = List.of(
            List.of("total_bytes_sec", "read_bytes_sec", "write_bytes_sec"),
            List.of("total_iops_sec", "read_iops_sec", "write_iops_sec"),
            List.of("total_bytes_sec_max", "read_bytes_sec_max", "write_bytes_sec_max"),
            List.of("total_iops_sec_max", "read_iops_sec_max", "write_iops_sec_max"),
            List.of("size_iops_sec"),
            List.of("total_bytes_sec_max_length", "read_bytes_sec_max_length", "write_bytes_sec_max_length"),
            List.of("total_iops_sec_max_length", "read_iops_sec_max_length", "write_iops_sec_max_length"));
    private static final Map<String, TypedParam.Type> RULES = new HashMap<>();

    static {
        DiskIoTune.NAMES.forEach(n -> RULES.put(n, TypedParam.Type.ULLONG));
        RULES.put(GROUP, TypedParam.Type.STRING);
    }

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;

    BlockIoTuneHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes) {
        this.lookup = lookup;
        this.processes = processes;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_SET_BLOCK_IO_TUNE, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainSetBlockIoTune");
            DomainObject dom = lookup.resolve(a.domain());
            if (set(dom, a.device(), a.params(), a.flags())) {
                c.events().domainEvent(new TunableEvent(dom.ref(), tunables(a.device(), a.params())));
            }
            return null;
        });
        t.on(RemoteProgram.DOMAIN_GET_BLOCK_IO_TUNE, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIVE | CONFIG | STRING_OKAY, "qemuDomainGetBlockIoTune");
            return get(lookup.resolve(a.domain()), a.device(), a.nparams(), a.flags());
        });
    }

    /** Applies the limits; true when the running guest's changed (libvirt then tells clients). */
    boolean set(DomainObject dom, String path, List<TypedParam> params, int flags) throws VirtException {
        TypedParamRules.check(params, RULES);
        Map<String, Long> given = new LinkedHashMap<>();
        String group = null;
        for (TypedParam p : params) {
            if (p.field().equals(GROUP)) {
                group = p.stringValue();
                continue;
            }
            if (Long.compareUnsigned(p.longValue(), MAX_LIMIT) > 0) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "block I/O throttle limit must be no more than " + MAX_LIMIT + " using QEMU");
            }
            given.put(p.field(), p.longValue());
        }
        for (List<String> f : FAMILIES.subList(0, 4)) {
            if (given.getOrDefault(f.get(0), 0L) != 0
                    && (given.getOrDefault(f.get(1), 0L) != 0 || given.getOrDefault(f.get(2), 0L) != 0)) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "total and read/write of "
                        + f.get(0).substring("total_".length()) + " cannot be set at the same time");
            }
        }
        String groupName = group;
        return DomainLookup.locked(dom, () -> {
            ModificationImpact impact = ModificationImpact.of(dom, flags);
            if (impact.live()) {
                RunningDomain rd = guests().active(dom, ErrorDomain.DOMAIN);
                DomainDef live = rd.live();
                int i = diskIndex(live, path, "disk '" + path + "' not found in domain");
                DiskDef disk = Disks.disks(live).get(i);
                DiskIoTune tune = merge(disk.iotune(), given, groupName);
                checkMaxima(tune, given);
                BlockThrottle.set(LiveGuests.monitor(rd), disk, tune);
                processes.get().lifecycle().replaceLive(dom, withDisk(live, i, disk.withIoTune(tune)));
            }
            if (impact.config()) {
                DomainDef def = dom.def();
                int i = diskIndex(def, path, "missing persistent configuration for disk '" + path + "'");
                DiskDef disk = Disks.disks(def).get(i);
                DiskIoTune tune = merge(disk.iotune(), given, groupName);
                checkMaxima(tune, given);
                lookup.registry().saveConfig(dom, withDisk(def, i, disk.withIoTune(tune)));
            }
            return impact.live();
        });
    }

    /** The TUNABLE event's parameters: the disk as the caller named it, then what it set, in its order. */
    private static List<TypedParam> tunables(String path, List<TypedParam> params) {
        List<TypedParam> out = new ArrayList<>();
        out.add(TypedParam.ofString("blkdeviotune.disk", path));
        for (TypedParam p : params) {
            out.add(new TypedParam("blkdeviotune." + p.field(), p.type(), p.value()));
        }
        return out;
    }

    CountedParams get(DomainObject dom, String path, int nparams, int flags) throws VirtException {
        ModificationImpact impact = ModificationImpact.of(dom, flags);
        RunningDomain rd = impact.live() ? guests().active(dom, ErrorDomain.DOMAIN) : null;
        if (nparams == 0) {
            // the count comes before any disk is named (virsh asks without one)
            return new CountedParams(List.of(), DiskIoTune.NAMES.size() + 1);
        }
        DiskIoTune tune;
        if (rd != null) {
            DomainDef live = rd.live();
            DiskDef disk = Disks.disks(live).get(diskIndex(live, path, "disk '" + path + "' not found in domain"));
            tune = BlockThrottle.get(LiveGuests.monitor(rd), disk);
        } else {
            DomainDef def = dom.def();
            tune = Disks.disks(def).get(diskIndex(def, path,
                    "disk '" + path + "' was not found in the domain config")).iotune();
        }
        List<TypedParam> out = new ArrayList<>();
        for (int i = 0; i < DiskIoTune.NAMES.size(); i++) {
            String name = DiskIoTune.NAMES.get(i);
            out.add(TypedParam.ofULLong(name, tune.get(name)));
            if (i == DiskIoTune.GROUP_AFTER && (flags & STRING_OKAY) != 0) {
                out.add(TypedParam.ofString(GROUP, tune.groupName() == null ? "" : tune.groupName()));
            }
        }
        return new CountedParams(out.subList(0, Math.min(out.size(), nparams)), Math.min(out.size(), nparams));
    }

    /** The old limits with each family the caller gave replaced, and the group if given. */
    private static DiskIoTune merge(DiskIoTune old, Map<String, Long> given, String group) {
        Map<String, Long> values = new HashMap<>();
        for (List<String> family : FAMILIES) {
            boolean replaced = family.stream().anyMatch(given::containsKey);
            for (String n : family) {
                values.put(n, replaced ? given.getOrDefault(n, 0L) : old.get(n));
            }
        }
        DiskIoTune merged = new DiskIoTune(values, group != null ? group : old.groupName());
        // without limits the group means nothing and goes
        return merged.hasLimits() ? merged : DiskIoTune.NONE;
    }

    /** A burst limit needs its base rate. */
    private static void checkMaxima(DiskIoTune tune, Map<String, Long> given) throws VirtException {
        for (int f = 0; f < 2; f++) {
            for (int k = 0; k < 3; k++) {
                String base = FAMILIES.get(f).get(k);
                String max = FAMILIES.get(f + 2).get(k);
                if (tune.get(max) != 0 && tune.get(base) == 0) {
                    // libvirt words it as a reset when the call names the burst limit itself
                    boolean maxGiven = FAMILIES.get(f + 2).stream().anyMatch(given::containsKey);
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, maxGiven
                            ? "cannot reset '" + base + "' when '" + max + "' is set"
                            : "value '" + max + "' cannot be set if '" + base + "' is not set");
                }
            }
        }
    }

    private static int diskIndex(DomainDef def, String path, String missing) throws VirtException {
        int i = Disks.indexOf(def, path);
        if (i < 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, missing);
        }
        return i;
    }

    private static DomainDef withDisk(DomainDef def, int i, DiskDef disk) {
        List<DiskDef> disks = new ArrayList<>(Disks.disks(def));
        disks.set(i, disk);
        return def.withDevices(def.devices().withDisks(disks));
    }

    private LiveGuests guests() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p.guests();
    }
}
