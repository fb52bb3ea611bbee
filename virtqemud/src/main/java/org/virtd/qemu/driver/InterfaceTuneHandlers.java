package org.virtd.qemu.driver;

import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.NetBandwidth;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.hostnet.TapBandwidth;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.stats.Nics;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A NIC's rate limits (domiftune; qemuDomainSetInterfaceParameters and its getter): LIVE on the
 * NIC's host tap ({@link TapBandwidth}) and in the live {@code <bandwidth>}, CONFIG in the
 * persistent definition. A direction the caller names is replaced as a whole (average 0 removes
 * it); the other keeps its limits.
 */
final class InterfaceTuneHandlers {

    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;
    private static final int STRING_OKAY = 4;
    private static final List<String> NAMES = List.of("inbound.average", "inbound.peak", "inbound.burst",
            "inbound.floor", "outbound.average", "outbound.peak", "outbound.burst");
    /** Where libvirt can shape traffic: NICs on a host device of their own. */
    private static final Set<String> SHAPEABLE = Set.of("bridge", "network", "direct", "ethernet");
    private static final Map<String, TypedParam.Type> RULES = new HashMap<>();

    static {
        NAMES.forEach(n -> RULES.put(n, TypedParam.Type.UINT));
    }

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;

    InterfaceTuneHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes) {
        this.lookup = lookup;
        this.processes = processes;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_SET_INTERFACE_PARAMETERS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainSetInterfaceParameters");
            set(lookup.resolve(a.domain()), a.device(), a.params(), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_GET_INTERFACE_PARAMETERS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIVE | CONFIG | STRING_OKAY, "qemuDomainGetInterfaceParameters");
            return get(lookup.resolve(a.domain()), a.device(), a.nparams(), a.flags());
        });
    }

    void set(DomainObject dom, String device, List<TypedParam> params, int flags) throws VirtException {
        TypedParamRules.check(params, RULES);
        Map<String, Long> given = new HashMap<>();
        for (TypedParam p : params) {
            given.put(p.field(), Integer.toUnsignedLong(p.intValue()));
        }
        boolean inGiven = given.keySet().stream().anyMatch(k -> k.startsWith("inbound."));
        boolean outGiven = given.keySet().stream().anyMatch(k -> k.startsWith("outbound."));
        NetBandwidth.Rate in = new NetBandwidth.Rate(given.getOrDefault("inbound.average", 0L),
                given.getOrDefault("inbound.peak", 0L), given.getOrDefault("inbound.burst", 0L),
                given.getOrDefault("inbound.floor", 0L));
        NetBandwidth.Rate out = new NetBandwidth.Rate(given.getOrDefault("outbound.average", 0L),
                given.getOrDefault("outbound.peak", 0L), given.getOrDefault("outbound.burst", 0L), 0);
        // a direction needs an average (inbound: or a floor) to mean anything
        NetBandwidth asked = new NetBandwidth(in.average() == 0 && in.floor() == 0 ? null : in,
                out.average() == 0 ? null : out);
        DomainLookup.locked(dom, () -> {
            ModificationImpact impact = ModificationImpact.of(dom, flags);
            RunningDomain rd = null;
            InterfaceDef liveNic = null;
            InterfaceDef confNic = null;
            if (impact.live()) {
                rd = processes().guests().active(dom, ErrorDomain.DOMAIN);
                liveNic = shapeable(find(rd.live(), device));
            }
            if (impact.config()) {
                confNic = shapeable(find(dom.def(), device));
            }
            if (liveNic != null) {
                NetBandwidth next = merge(liveNic.bandwidth(), asked, inGiven, outGiven);
                // a running NIC keeps no empty element: no limits, no <bandwidth>
                NetBandwidth kept = next.isEmpty() ? null : next;
                if (liveNic.targetDev() == null) {
                    throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.NONE,
                            "Unable to set bandwidth for interface because device name is unknown");
                }
                TapBandwidth.apply(liveNic.targetDev(), liveNic.mac(), next);
                processes().lifecycle().replaceLive(dom, withNic(rd.live(), liveNic, liveNic.withBandwidth(kept)));
            }
            if (confNic != null) {
                DomainDef def = dom.def();
                NetBandwidth next = merge(confNic.bandwidth(), asked, inGiven, outGiven);
                lookup.registry().saveConfig(dom, withNic(def, confNic, confNic.withBandwidth(next)));
            }
            return null;
        });
    }

    CountedParams get(DomainObject dom, String device, int nparams, int flags) throws VirtException {
        ModificationImpact impact = ModificationImpact.of(dom, flags);
        DomainDef def = impact.live() ? processes().guests().active(dom, ErrorDomain.DOMAIN).live() : dom.def();
        if (nparams == 0) {
            return new CountedParams(List.of(), NAMES.size());
        }
        NetBandwidth b = find(def, device).bandwidth();
        NetBandwidth.Rate in = b == null ? null : b.inbound();
        NetBandwidth.Rate out = b == null ? null : b.outbound();
        long[] v = {
            in == null ? 0 : in.average(), in == null ? 0 : in.peak(), in == null ? 0 : in.burst(),
            in == null ? 0 : in.floor(), out == null ? 0 : out.average(), out == null ? 0 : out.peak(),
            out == null ? 0 : out.burst()};
        List<TypedParam> list = new ArrayList<>();
        for (int i = 0; i < NAMES.size() && i < nparams; i++) {
            list.add(TypedParam.ofUInt(NAMES.get(i), (int) v[i]));
        }
        return new CountedParams(list, list.size());
    }

    /** The directions the caller named replace the old ones; a NIC without limits takes what was asked. */
    private static NetBandwidth merge(NetBandwidth old, NetBandwidth asked, boolean inGiven, boolean outGiven) {
        if (old == null) {
            return asked;
        }
        return new NetBandwidth(inGiven ? asked.inbound() : old.inbound(),
                outGiven ? asked.outbound() : old.outbound());
    }

    private static InterfaceDef find(DomainDef def, String device) throws VirtException {
        InterfaceDef nic = Nics.find(def, device);
        if (nic == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "'" + device + "' is not a known interface");
        }
        return nic;
    }

    private static InterfaceDef shapeable(InterfaceDef nic) throws VirtException {
        if (!SHAPEABLE.contains(nic.type())) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "setting bandwidth on interfaces of type '" + nic.type() + "' is not implemented yet");
        }
        return nic;
    }

    private static DomainDef withNic(DomainDef def, InterfaceDef old, InterfaceDef now) {
        List<InterfaceDef> nics = new ArrayList<>(Nics.all(def));
        nics.set(nics.indexOf(old), now);
        return def.withDevices(def.devices().withInterfaces(nics));
    }

    private DomainProcesses processes() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p;
    }
}
