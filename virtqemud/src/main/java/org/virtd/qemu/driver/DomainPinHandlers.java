package org.virtd.qemu.driver;

import org.virtd.conf.domain.CpuSet;
import org.virtd.conf.domain.CpuTune;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.LiveGuests;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.stats.HostCpus;
import org.virtd.qemu.stats.VcpuSample;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CpuMaps;
import org.virtd.rpc.remote.types.VcpuInfo;
import org.virtd.rpc.remote.types.VcpuInfoList;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * vCPU information and pinning (virsh vcpuinfo, vcpupin, emulatorpin): the live pins are
 * thread affinities set by the running half, the config pins {@code <cputune>} of the
 * persistent definition; unpinned vCPUs and emulators report all host CPUs.
 */
final class DomainPinHandlers {
    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;

    DomainPinHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes) {
        this.lookup = lookup;
        this.processes = processes;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_VCPUS, (c, a) -> vcpus(lookup.resolve(a.domain()), a.maxinfo(), a.maplen()));
        t.on(RemoteProgram.DOMAIN_GET_VCPU_PIN_INFO, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainGetVcpuPinInfo");
            return vcpuPinInfo(lookup.resolve(a.domain()), a.ncpumaps(), a.maplen(), a.flags());
        });
        t.on(RemoteProgram.DOMAIN_PIN_VCPU, (c, a) -> {
            pinVcpu(lookup.resolve(a.domain()), a.vcpu(), a.cpumap(), LIVE);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_PIN_VCPU_FLAGS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainPinVcpuFlags");
            pinVcpu(lookup.resolve(a.domain()), a.vcpu(), a.cpumap(), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_GET_EMULATOR_PIN_INFO, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainGetEmulatorPinInfo");
            DomainObject dom = lookup.resolve(a.domain());
            DomainDef def = ModificationImpact.of(dom, a.flags()).live() ? dom.currentDef() : dom.def();
            BitSet cpus = def.cputune().emulatorpin();
            return new CpuMaps(CpuSet.toMap(cpus == null ? HostCpus.all() : cpus, Math.max(a.maplen(), 0)), 1);
        });
        t.on(RemoteProgram.DOMAIN_PIN_EMULATOR, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainPinEmulator");
            pinEmulator(lookup.resolve(a.domain()), a.cpumap(), a.flags());
            return null;
        });
    }

    private DomainProcesses running() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p;
    }

    VcpuInfoList vcpus(DomainObject dom, int maxinfo, int maplen) throws VirtException {
        DomainProcesses p = running();
        RunningDomain rd = p.guests().runningOrNull(dom);
        if (rd == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "cannot retrieve vcpu information for inactive domain");
        }
        Map<Integer, Long> threads = p.pinning().vcpuThreads(rd);
        List<VcpuInfo> info = new ArrayList<>();
        ByteArrayOutputStream maps = new ByteArrayOutputStream();
        for (Map.Entry<Integer, Long> e : threads.entrySet()) {
            if (info.size() >= maxinfo) {
                break;
            }
            VcpuSample s = VcpuSample.read(e.getKey(), rd.process().pid(), e.getValue());
            info.add(new VcpuInfo(s.number(), VcpuSample.STATE_RUNNING, s.timeNanos(), s.cpu()));
            maps.writeBytes(CpuSet.toMap(s.affinity(), Math.max(maplen, 0)));
        }
        // The reply carries maxinfo maps whatever the count (libvirt's remote server does the same).
        for (int i = info.size(); i < maxinfo; i++) {
            maps.writeBytes(new byte[Math.max(maplen, 0)]);
        }
        return new VcpuInfoList(info, maps.toByteArray());
    }

    CpuMaps vcpuPinInfo(DomainObject dom, int ncpumaps, int maplen, int flags) throws VirtException {
        DomainDef def = ModificationImpact.of(dom, flags).live() ? dom.currentDef() : dom.def();
        int n = Math.min(Math.max(ncpumaps, 0), def.vcpus().max());
        Map<Integer, BitSet> pins = def.cputune().vcpupins();
        byte[] maps = new byte[Math.max(ncpumaps, 0) * Math.max(maplen, 0)];
        for (int v = 0; v < n; v++) {
            byte[] m = CpuSet.toMap(pins.getOrDefault(v, HostCpus.all()), maplen);
            System.arraycopy(m, 0, maps, v * maplen, maplen);
        }
        return new CpuMaps(maps, n);
    }

    /** The host CPUs a pinning call's map names; none at all is refused as libvirt refuses it. */
    private static BitSet pinSet(byte[] cpumap) throws VirtException {
        BitSet cpus = CpuSet.fromMap(cpumap);
        if (cpus.isEmpty()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "Empty cpu list for pinning");
        }
        return cpus;
    }

    void pinVcpu(DomainObject dom, int vcpu, byte[] cpumap, int flags) throws VirtException {
        DomainLookup.locked(dom, () -> {
            ModificationImpact impact = ModificationImpact.of(dom, flags);
            BitSet cpus = pinSet(cpumap);
            if (impact.live()) {
                DomainDef live = dom.currentDef();
                if (vcpu < 0 || vcpu >= live.vcpus().effectiveCurrent()) {
                    throw outOfRange(vcpu, "live", live.vcpus().max());
                }
                running().pinning().pinVcpu(dom, vcpu, cpus);
            }
            if (impact.config()) {
                DomainDef def = dom.def();
                if (vcpu < 0 || vcpu >= def.vcpus().max()) {
                    throw outOfRange(vcpu, "persistent", def.vcpus().max());
                }
                lookup.registry().saveConfig(dom, def.withCpuTune(def.cputune().withVcpuPin(vcpu, cpus)));
            }
            return null;
        });
    }

    void pinEmulator(DomainObject dom, byte[] cpumap, int flags) throws VirtException {
        DomainLookup.locked(dom, () -> {
            ModificationImpact impact = ModificationImpact.of(dom, flags);
            BitSet cpus = pinSet(cpumap);
            if (impact.live()) {
                running().pinning().pinEmulator(dom, cpus);
            }
            if (impact.config()) {
                DomainDef def = dom.def();
                CpuTune tune = def.cputune().withEmulatorPin(cpus);
                lookup.registry().saveConfig(dom, def.withCpuTune(tune));
            }
            return null;
        });
    }

    private static VirtException outOfRange(int vcpu, String which, int count) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                "vcpu " + vcpu + " is out of range of " + which + " cpu count " + count);
    }
}
