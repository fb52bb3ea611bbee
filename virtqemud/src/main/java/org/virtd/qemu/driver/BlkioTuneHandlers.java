package org.virtd.qemu.driver;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.ResourceTune.BlkioTune;
import org.virtd.conf.domain.ResourceTune.Device;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.cgroup.CgroupTuning;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.DomainNParamsFlagsArgs;
import org.virtd.rpc.remote.types.DomainParamsFlagsArgs;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code virsh blkiotune} (qemuDomainGet/SetBlkioParameters): the guest's block I/O weight and
 * per-device weights and throttles, {@code path,value[,path,value…]} strings on the wire. Live,
 * the weight is the blkio cgroup's and the devices are set there and kept in the live
 * definition; config values live in {@code <blkiotune>}.
 */
final class BlkioTuneHandlers {
    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;
    private static final int STRING_OKAY = 4;
    private static final String MISSING = "blkio cgroup isn't mounted";
    private static final String SESSION = "Block I/O tuning is not available in session mode";
    private static final Map<String, TypedParam.Type> RULES = new LinkedHashMap<>();

    static {
        RULES.put("weight", TypedParam.Type.UINT);
        for (Device.Field f : Device.Field.values()) {
            RULES.put(f.param, TypedParam.Type.STRING);
        }
    }

    private final DomainLookup lookup;
    private final LiveCgroups cgroups;

    BlkioTuneHandlers(DomainLookup lookup, LiveCgroups cgroups) {
        this.lookup = lookup;
        this.cgroups = cgroups;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_BLKIO_PARAMETERS, (c, a) -> get(a));
        t.on(RemoteProgram.DOMAIN_SET_BLKIO_PARAMETERS, (c, a) -> {
            set(a);
            return null;
        });
    }

    private CountedParams get(DomainNParamsFlagsArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG | STRING_OKAY, "qemuDomainGetBlkioParameters");
        DomainObject dom = lookup.resolve(a.domain());
        cgroups.requirePrivileged(SESSION);
        boolean live = ModificationImpact.of(dom, a.flags() & ~STRING_OKAY).live();
        if (a.nparams() == 0) {
            return new CountedParams(List.of(), RULES.size());
        }
        BlkioTune tune;
        int weight;
        if (live) {
            weight = cgroups.tuning(dom, "blkio", MISSING).blkioWeight();
            tune = cgroups.liveDef(dom).tuning().blkio();
        } else {
            tune = dom.def().tuning().blkio();
            weight = tune.weight();
        }
        List<TypedParam> all = new ArrayList<>();
        all.add(TypedParam.ofUInt("weight", weight));
        for (Device.Field f : Device.Field.values()) {
            all.add(TypedParam.ofString(f.param, format(tune, f)));
        }
        return TuningQueryHandlers.counted(all, a.nparams());
    }

    /** {@code path,value,…} of the devices that have a value for {@code f}. */
    static String format(BlkioTune tune, Device.Field f) {
        StringBuilder sb = new StringBuilder();
        for (Device d : tune.devices()) {
            if (d.value(f) != 0) {
                sb.append(sb.length() == 0 ? "" : ",").append(d.path()).append(',').append(d.value(f));
            }
        }
        return sb.toString();
    }

    private void set(DomainParamsFlagsArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainSetBlkioParameters");
        TypedParamRules.check(a.params(), RULES);
        cgroups.requirePrivileged(SESSION);
        DomainObject dom = lookup.resolve(a.domain());
        DomainLookup.locked(dom, () -> {
            ModificationImpact impact = ModificationImpact.of(dom, a.flags());
            if (impact.live()) {
                CgroupTuning tuning = cgroups.tuning(dom, "blkio", MISSING);
                DomainDef live = cgroups.liveDef(dom);
                BlkioTune tune = live.tuning().blkio();
                for (TypedParam p : a.params()) {
                    if (p.field().equals("weight")) {
                        tuning.setBlkioWeight(p.intValue());
                        tune = tune.withWeight(tuning.blkioWeight());
                    } else {
                        Device.Field f = field(p.field());
                        List<Device> given = parse(p.stringValue(), f);
                        BlkioTune only = new BlkioTune(0, given);
                        tuning.setBlkio(only);
                        tune = tune.withDeviceValues(f, given);
                    }
                }
                cgroups.replaceLive(dom, live.withTuning(live.tuning().withBlkio(tune)));
            }
            if (impact.config()) {
                DomainDef def = dom.def();
                BlkioTune tune = def.tuning().blkio();
                for (TypedParam p : a.params()) {
                    if (p.field().equals("weight")) {
                        // libvirt stores any weight; the kernel judges it when a start applies it
                        tune = tune.withWeight(p.intValue());
                    } else {
                        Device.Field f = field(p.field());
                        tune = tune.withDeviceValues(f, parse(p.stringValue(), f));
                    }
                }
                lookup.registry().saveConfig(dom, def.withTuning(def.tuning().withBlkio(tune)));
            }
            return null;
        });
    }

    private static Device.Field field(String param) {
        for (Device.Field f : Device.Field.values()) {
            if (f.param.equals(param)) {
                return f;
            }
        }
        throw new IllegalArgumentException(param);
    }

    /** The device strings are parsed by libvirt's domain layer, and its errors say so. */
    private static VirtException parseError(String message) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN, message);
    }

    /** {@code path,value,path,value…} as virsh sends it; an empty string names no device. */
    static List<Device> parse(String text, Device.Field f) throws VirtException {
        List<Device> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        String[] parts = text.split(",", -1);
        if (parts.length % 2 != 0) {
            throw parseError("unable to parse blkio device '" + f.param + "' '" + text + "'");
        }
        for (int i = 0; i < parts.length; i += 2) {
            long v;
            try {
                v = Long.parseUnsignedLong(parts[i + 1]);
                if (f == Device.Field.WEIGHT && v > 0xffffffffL) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw parseError("invalid value '" + parts[i + 1] + "' for parameter '" + f.param
                        + "' of device '" + parts[i] + "'");
            }
            out.add(new Device(parts[i], 0, 0, 0, 0, 0).with(f, v));
        }
        return out;
    }
}
