package org.virtd.qemu.driver;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.DomainFlags.Memory;
import org.virtd.rpc.remote.DomainFlags.Vcpu;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.function.Supplier;

/**
 * Changes to one domain's settings (procedures.md §1d, qemuDomainSetMemoryFlags and
 * qemuDomainSetVcpusFlags): autostart, current and maximum memory, current and maximum vCPUs.
 * CONFIG changes are validated as libvirt does and stored before they become visible; LIVE
 * ones are checked here and carried out by the running half ({@link LiveTuning}). Every change
 * runs under the domain's lock.
 */
final class DomainTuningHandlers {

    /** virDomainModificationImpact bits (the record of that name in this package interprets them). */
    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;

    private final DomainLookup lookup;
    private final Supplier<LiveTuning> live;

    DomainTuningHandlers(DomainLookup lookup, Supplier<LiveTuning> live) {
        this.lookup = lookup;
        this.live = live;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_SET_AUTOSTART, (c, a) -> {
            setAutostart(a.domain(), a.value() != 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SET_MEMORY, (c, a) -> {
            setMemory(a.domain(), a.memory(), LIVE, RemoteProgram.DOMAIN_SET_MEMORY.api());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SET_MAX_MEMORY, (c, a) -> {
            setMemory(a.domain(), a.memory(), Memory.MAXIMUM, RemoteProgram.DOMAIN_SET_MAX_MEMORY.api());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SET_MEMORY_FLAGS, (c, a) -> {
            setMemory(a.domain(), a.memory(), a.flags(), RemoteProgram.DOMAIN_SET_MEMORY_FLAGS.api());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SET_VCPUS, (c, a) -> {
            setVcpus(a.domain(), a.value(), LIVE, RemoteProgram.DOMAIN_SET_VCPUS.api());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SET_VCPUS_FLAGS, (c, a) -> {
            setVcpus(a.domain(), a.nvcpus(), a.flags(), RemoteProgram.DOMAIN_SET_VCPUS_FLAGS.api());
            return null;
        });
    }

    void setAutostart(DomainRef ref, boolean on) throws VirtException {
        DomainObject dom = lookup.resolve(ref);
        dom.lock().lock();
        try {
            requireNotRemoved(dom, ref);
            lookup.registry().setAutostart(dom, on);
        } finally {
            dom.lock().unlock();
        }
    }

    void setMemory(DomainRef ref, long kib, int flags, String api) throws VirtException {
        DomainLookup.checkFlags(flags, LIVE | CONFIG | Memory.MAXIMUM, "qemuDomainSetMemoryFlags");
        requireNonZero(kib, "memory", api);
        if (kib < 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "memory size too large");
        }
        DomainObject dom = lookup.resolve(ref);
        dom.lock().lock();
        try {
            requireNotRemoved(dom, ref);
            ModificationImpact impact = ModificationImpact.of(dom, flags);
            if ((flags & Memory.MAXIMUM) != 0) {
                if (impact.live()) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "cannot resize the maximum memory on an active domain");
                }
                DomainDef def = dom.def();
                lookup.registry().saveConfig(dom, def.withMemory(kib, Math.min(currentKiB(def), kib)));
                return;
            }
            long max = 0;
            if (impact.live()) {
                max = dom.currentDef().memoryKiB();
            }
            if (impact.config() && (max == 0 || max > dom.def().memoryKiB())) {
                max = dom.def().memoryKiB();
            }
            if (kib > max) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "cannot set memory higher than max memory");
            }
            if (impact.live()) {
                live.get().setMemory(dom, kib);
            }
            if (impact.config()) {
                DomainDef def = dom.def();
                lookup.registry().saveConfig(dom, def.withMemory(def.memoryKiB(), kib));
            }
        } finally {
            dom.lock().unlock();
        }
    }

    void setVcpus(DomainRef ref, int nvcpus, int flags, String api) throws VirtException {
        DomainLookup.checkFlags(flags, LIVE | CONFIG | Vcpu.MAXIMUM | Vcpu.GUEST | Vcpu.HOTPLUGGABLE,
                "qemuDomainSetVcpusFlags");
        if ((flags & Vcpu.GUEST) != 0 && (flags & Vcpu.MAXIMUM) != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "setting maximum vCPU count is not supported with guest agent");
        }
        if ((flags & Vcpu.GUEST) == 0) {
            requireNonZero(nvcpus, "nvcpus", api);
        }
        if (nvcpus < 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "requested vcpus is too large: " + Integer.toUnsignedString(nvcpus));
        }
        DomainObject dom = lookup.resolve(ref);
        dom.lock().lock();
        try {
            requireNotRemoved(dom, ref);
            ModificationImpact impact = ModificationImpact.of(dom, flags);
            if ((flags & Vcpu.GUEST) != 0) {
                requireActive(dom);
                live.get().setGuestVcpus(dom, nvcpus);
            } else if ((flags & Vcpu.MAXIMUM) != 0) {
                setMaxVcpus(dom, impact, nvcpus);
            } else {
                setCurrentVcpus(dom, impact, nvcpus);
            }
        } finally {
            dom.lock().unlock();
        }
    }

    private static void requireActive(DomainObject dom) throws VirtException {
        if (!dom.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
    }

    private void setMaxVcpus(DomainObject dom, ModificationImpact impact, int max) throws VirtException {
        if (impact.live()) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "maximum vcpu count of a live domain can't be modified");
        }
        DomainDef def = dom.def();
        int current = Math.min(def.vcpus().effectiveCurrent(), max);
        // Pins of vCPUs that no longer exist go with them.
        lookup.registry().saveConfig(dom, def.withVcpus(
                new DomainDef.Vcpus(max, current == max ? 0 : current, def.vcpus().placement()))
                .withCpuTune(def.cputune().upTo(max)));
    }

    private void setCurrentVcpus(DomainObject dom, ModificationImpact impact, int n) throws VirtException {
        if (impact.live() && n > dom.currentDef().vcpus().max()) {
            throw tooMany("live", n, dom.currentDef().vcpus().max());
        }
        if (impact.config() && n > dom.def().vcpus().max()) {
            throw tooMany("persistent", n, dom.def().vcpus().max());
        }
        if (impact.live()) {
            live.get().setVcpus(dom, n);
        }
        if (impact.config()) {
            DomainDef def = dom.def();
            int max = def.vcpus().max();
            lookup.registry().saveConfig(dom, def.withVcpus(
                    new DomainDef.Vcpus(max, n == max ? 0 : n, def.vcpus().placement())));
        }
    }

    private static VirtException tooMany(String which, int n, int max) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                "requested vcpus is greater than max allowable vcpus for the " + which + " domain: " + n + " > " + max);
    }

    private static long currentKiB(DomainDef def) {
        return def.currentMemoryKiB() == 0 ? def.memoryKiB() : def.currentMemoryKiB();
    }

    private static void requireNonZero(long value, String arg, String api) throws VirtException {
        if (value == 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN, arg + " in " + api + " must not be zero");
        }
    }

    private static void requireNotRemoved(DomainObject dom, DomainRef ref) throws VirtException {
        if (dom.isRemoved()) {
            throw DomainLookup.notFound(ref);
        }
    }
}
