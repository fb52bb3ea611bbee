package org.virtd.qemu.driver;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.MigratableDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.DomainFlags.Vcpu;
import org.virtd.rpc.remote.DomainFlags.Xml;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainInfo;
import org.virtd.rpc.remote.types.DomainState;
import org.virtd.qemu.security.Confinement;
import org.virtd.rpc.remote.types.SecurityLabel;
import org.virtd.rpc.remote.types.SecurityLabelList;
import org.virtd.rpc.remote.types.SecurityModel;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * Read-only questions about one domain (procedures.md §1d, the calls {@code virsh dominfo},
 * {@code domstate}, {@code dumpxml}, {@code vcpucount} and {@code undefine} make): XML with its
 * flags, info, state, OS type, memory and vCPU counts, persistence, autostart, and the answers
 * of a libvirt whose security driver is "none" (capture 13: model {@code none}, DOI {@code 0},
 * empty label). Scheduler tuning does not exist here, so its queries answer "none";
 * managed save is {@link SaveRestoreHandlers}' concern, snapshots {@link SnapshotHandlers}'.
 */
final class DomainInfoHandlers {

    /** virDomainModificationImpact bits (the record of that name in this package interprets them). */
    private static final int LIVE = DomainFlags.ModificationImpact.LIVE;
    private static final int CONFIG = DomainFlags.ModificationImpact.CONFIG;
    static final int MESSAGE_TAINTING = 1;
    static final int MESSAGE_DEPRECATION = 2;
    /** Parameters libvirt's qemu driver reports for an inactive domain's "posix" scheduler. */
    /** libvirt's default resource partition for system guests. */
    static final String MACHINE_PARTITION = "/machine";
    static final String HIGH_PRIVILEGES_TAINT = "tainted: running with undesirable elevated privileges";

    private final java.util.function.Supplier<LiveTuning> live;
    private final DomainLookup lookup;
    /** CPU time of the running domain (the QEMU process), for get-info. */
    private final ToLongFunction<DomainObject> cpuTime;
    private final BooleanSupplier privileged;
    private final Security security;

    /**
     * What the handlers report of confinement: the primary security model, and how a running
     * domain's QEMU is confined (null for an inactive one).
     */
    interface Security {
        Security UNCONFINED = new Security() {
            @Override
            public String model() {
                return "none";
            }

            @Override
            public List<String> models() {
                return List.of("none");
            }

            @Override
            public Confinement of(DomainObject dom) {
                return null;
            }
        };

        String model();

        /** The stacked models, the primary one first. */
        List<String> models();

        Confinement of(DomainObject dom);
    }

    DomainInfoHandlers(DomainLookup lookup, BooleanSupplier privileged, Security security,
            ToLongFunction<DomainObject> cpuTime) {
        this(lookup, privileged, security, cpuTime, () -> LiveTuning.UNSUPPORTED);
    }

    /** @param live the running half, which asks a guest's agent for its vCPU count */
    DomainInfoHandlers(DomainLookup lookup, BooleanSupplier privileged, Security security,
            ToLongFunction<DomainObject> cpuTime, java.util.function.Supplier<LiveTuning> live) {
        this.live = live;
        this.lookup = lookup;
        this.cpuTime = cpuTime;
        this.privileged = privileged;
        this.security = security;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_XML_DESC, (c, a) -> xmlDesc(lookup.resolve(a.domain()), a.flags()));
        t.on(RemoteProgram.DOMAIN_GET_INFO, (c, d) -> info(lookup.resolve(d)));
        t.on(RemoteProgram.DOMAIN_GET_STATE, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainGetState");
            DomainObject dom = lookup.resolve(a.domain());
            return new DomainState(dom.state(), dom.reason());
        });
        t.on(RemoteProgram.DOMAIN_GET_OS_TYPE, (c, d) -> lookup.resolve(d).currentDef().os().type());
        t.on(RemoteProgram.DOMAIN_GET_MAX_MEMORY, (c, d) -> lookup.resolve(d).currentDef().memoryKiB());
        t.on(RemoteProgram.DOMAIN_GET_AUTOSTART, (c, d) -> lookup.resolve(d).isAutostart() ? 1 : 0);
        t.on(RemoteProgram.DOMAIN_IS_ACTIVE, (c, d) -> lookup.resolve(d).isActive() ? 1 : 0);
        t.on(RemoteProgram.DOMAIN_IS_PERSISTENT, (c, d) -> lookup.resolve(d).isPersistent() ? 1 : 0);
        t.on(RemoteProgram.DOMAIN_IS_UPDATED, (c, d) -> {
            lookup.resolve(d);
            return 0;
        });
        t.on(RemoteProgram.DOMAIN_GET_VCPUS_FLAGS, (c, a) -> vcpus(lookup.resolve(a.domain()), a.flags()));
        t.on(RemoteProgram.DOMAIN_GET_MAX_VCPUS,
                (c, d) -> vcpus(lookup.resolve(d), LIVE | Vcpu.MAXIMUM));
        t.on(RemoteProgram.NODE_GET_SECURITY_MODEL, (c, a) -> new SecurityModel(security.model(), "0"));
        t.on(RemoteProgram.DOMAIN_GET_SECURITY_LABEL, (c, d) -> {
            DomainObject dom = lookup.resolve(d);
            Confinement run = dom.isActive() ? security.of(dom) : null;
            return new SecurityLabel(run == null ? "" : run.label(), 0);
        });
        t.on(RemoteProgram.DOMAIN_GET_SECURITY_LABEL_LIST, (c, d) -> labels(lookup.resolve(d)));
        t.on(RemoteProgram.DOMAIN_GET_MESSAGES, (c, a) -> messages(lookup.resolve(a.domain()), a.flags()));
    }

    /**
     * DOMAIN_GET_XML_DESC: the live definition while running unless INACTIVE asks for the
     * persistent one; SECURE adds secrets; MIGRATABLE drops what older libvirts added implicitly;
     * UPDATE_CPU changes nothing for the CPU modes stored here (custom, host-passthrough).
     */
    String xmlDesc(DomainObject dom, int flags) throws VirtException {
        DomainLookup.checkFlags(flags, Xml.SECURE | Xml.INACTIVE | Xml.UPDATE_CPU | Xml.MIGRATABLE,
                "qemuDomainGetXMLDesc");
        boolean inactive = (flags & Xml.INACTIVE) != 0 || !dom.isActive();
        DomainDef def = (flags & Xml.INACTIVE) != 0 ? dom.def() : dom.currentDef();
        if ((flags & Xml.MIGRATABLE) != 0) {
            def = MigratableDef.of(def);
        }
        int id = inactive ? -1 : dom.id();
        return DomainXmlFormatter.format(def, new DomainXmlFormatter.Options(id, (flags & Xml.SECURE) != 0,
                inactive ? null : runtime(dom)));
    }

    /**
     * A system daemon's guests run in libvirt's default partition, and with the DAC label of the
     * account QEMU runs as: the live XML says so as libvirtd's does.
     */
    private DomainXmlFormatter.Runtime runtime(DomainObject dom) {
        if (!privileged.getAsBoolean()) {
            return null;
        }
        Confinement run = security.of(dom);
        return new DomainXmlFormatter.Runtime(MACHINE_PARTITION, run == null ? null : run.account().label());
    }

    DomainInfo info(DomainObject dom) {
        DomainDef def = dom.currentDef();
        long current = def.currentMemoryKiB() == 0 ? def.memoryKiB() : def.currentMemoryKiB();
        return new DomainInfo(dom.state(), def.memoryKiB(), current, def.vcpus().effectiveCurrent(),
                cpuTime.applyAsLong(dom));
    }

    /** DOMAIN_GET_VCPUS_FLAGS (qemuDomainGetVcpusFlags): current or maximum count of the chosen definition. */
    int vcpus(DomainObject dom, int flags) throws VirtException {
        DomainLookup.checkFlags(flags, LIVE | CONFIG
                | Vcpu.MAXIMUM | Vcpu.GUEST, "qemuDomainGetVcpusFlags");
        ModificationImpact impact = ModificationImpact.of(dom, flags);
        if ((flags & Vcpu.GUEST) != 0) {
            if (!dom.isActive()) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "vCPU count provided by the guest agent can only be requested for live domains");
            }
            return live.get().guestVcpus(dom, (flags & Vcpu.MAXIMUM) != 0);
        }
        DomainDef def = impact.live() ? dom.currentDef() : dom.def();
        return (flags & Vcpu.MAXIMUM) != 0 ? def.vcpus().max() : def.vcpus().effectiveCurrent();
    }

    /** One label per stacked model while the domain runs (DAC's is QEMU's account), none while it is inactive. */
    private SecurityLabelList labels(DomainObject dom) {
        Confinement run = dom.isActive() ? security.of(dom) : null;
        if (run == null) {
            return new SecurityLabelList(List.of(), 0);
        }
        List<SecurityLabel> out = security.models().stream()
                .map(m -> new SecurityLabel(m.equals("dac") ? run.account().label() : "", 0)).toList();
        return new SecurityLabelList(out, out.size());
    }

    private List<String> messages(DomainObject dom, int flags) throws VirtException {
        DomainLookup.checkFlags(flags, MESSAGE_TAINTING | MESSAGE_DEPRECATION, "qemuDomainGetMessages");
        boolean tainting = flags == 0 || (flags & MESSAGE_TAINTING) != 0;
        Confinement run = dom.isActive() ? security.of(dom) : null;
        if (tainting && run != null && run.highPrivileges()) {
            return List.of(HIGH_PRIVILEGES_TAINT);
        }
        return List.of();
    }
}
