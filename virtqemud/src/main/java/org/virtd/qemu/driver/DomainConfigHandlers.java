package org.virtd.qemu.driver;

import org.virtd.core.domain.DomainDef;
import org.virtd.core.domain.DomainXmlParser;
import org.virtd.core.driver.CallContext;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainList;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.LifecycleEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The QEMU driver's configuration half (issue 4, procedures.md §1b–1d): define, undefine,
 * lookups and listings over the {@link DomainRegistry}, raising DEFINED/UNDEFINED lifecycle
 * events. Lookup failures are NO_DOMAIN in the QEMU domain naming what was asked for; calls
 * taking a domain look it up by uuid and name both (qemu-driver.md §6).
 */
public final class DomainConfigHandlers {

    static final int DEFINE_VALIDATE = 1;
    static final int EVENT_DEFINED = 0;
    static final int EVENT_UNDEFINED = 1;

    private final DomainRegistry registry;
    private final Supplier<GuestEmulators> emulators;
    private final RandomGenerator random;

    /**
     * @param registry  the driver's domains (already loaded from the store)
     * @param emulators the probed emulators, asked at each define (may block until the probe ends)
     */
    public DomainConfigHandlers(DomainRegistry registry, Supplier<GuestEmulators> emulators) {
        this(registry, emulators, new java.security.SecureRandom());
    }

    DomainConfigHandlers(DomainRegistry registry, Supplier<GuestEmulators> emulators, RandomGenerator random) {
        this.registry = registry;
        this.emulators = emulators;
        this.random = random;
    }

    public void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_LOOKUP_BY_NAME, (c, name) -> byName(name).ref());
        t.on(RemoteProgram.DOMAIN_LOOKUP_BY_UUID, (c, uuid) -> byUuid(uuid).ref());
        t.on(RemoteProgram.DOMAIN_LOOKUP_BY_ID, (c, id) -> byId(id).ref());
        t.on(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, (c, a) -> listAll(a.needResults(), a.flags()));
        t.on(RemoteProgram.CONNECT_NUM_OF_DOMAINS, (c, a) -> count(true));
        t.on(RemoteProgram.CONNECT_NUM_OF_DEFINED_DOMAINS, (c, a) -> count(false));
        t.on(RemoteProgram.CONNECT_LIST_DOMAINS, (c, max) -> activeIds(max));
        t.on(RemoteProgram.CONNECT_LIST_DEFINED_DOMAINS, (c, max) -> inactiveNames(max));
    }

    /** DOMAIN_DEFINE_XML(_FLAGS): parse, apply QEMU defaults, store, raise DEFINED (ADDED/UPDATED). */
    public DomainRef define(CallContext ctx, String xml, int flags) throws VirtException {
        if ((flags & ~DEFINE_VALIDATE) != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, String.format(
                    "unsupported flags (0x%x) in function qemuDomainDefineXMLFlags", flags & ~DEFINE_VALIDATE));
        }
        DomainDef raw = DomainXmlParser.parse(xml, (flags & DEFINE_VALIDATE) != 0);
        DomainDef def = new QemuDomainDefaults(emulators.get(), random).apply(raw);
        DomainRegistry.Defined d = registry.define(def, raw.uuid() != null);
        DomainRef ref = d.domain().ref();
        ctx.events().domainEvent(new LifecycleEvent(ref, EVENT_DEFINED, d.updated() ? 1 : 0));
        return ref;
    }

    /** DOMAIN_UNDEFINE(_FLAGS): nothing to clean beyond the config (no managed save, snapshots, nvram). */
    public void undefine(CallContext ctx, DomainRef ref, int flags) throws VirtException {
        if ((flags & ~0x7f) != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, String.format(
                    "unsupported flags (0x%x) in function qemuDomainUndefineFlags", flags & ~0x7f));
        }
        DomainObject dom = resolve(ref);
        dom.lock().lock();
        try {
            if (dom.isRemoved()) {
                throw notFound(ref);
            }
            if (!dom.isPersistent()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot undefine transient domain");
            }
            registry.undefine(dom);
            ctx.events().domainEvent(new LifecycleEvent(dom.ref(), EVENT_UNDEFINED, 0));
        } finally {
            dom.lock().unlock();
        }
    }

    /** The domain a call's {@code D} names: by uuid, and the name must match (qemuDomainObjFromDomain). */
    public DomainObject resolve(DomainRef ref) throws VirtException {
        DomainObject d = registry.byUuid(ref.javaUuid());
        if (d == null || d.isRemoved()) {
            throw notFound(ref);
        }
        return d;
    }

    private static VirtException notFound(DomainRef ref) {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU,
                "no domain with matching uuid '" + ref.javaUuid() + "' (" + ref.name() + ")");
    }

    DomainObject byName(String name) throws VirtException {
        DomainObject d = registry.byName(name);
        if (d == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching name '" + name + "'");
        }
        return d;
    }

    DomainObject byUuid(byte[] uuid) throws VirtException {
        UUID u = new DomainRef("", uuid, -1).javaUuid();
        DomainObject d = registry.byUuid(u);
        if (d == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching uuid '" + u + "'");
        }
        return d;
    }

    DomainObject byId(int id) throws VirtException {
        DomainObject d = registry.byId(id);
        if (d == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching id " + id);
        }
        return d;
    }

    DomainList listAll(int needResults, int flags) {
        List<DomainRef> out = new ArrayList<>();
        for (DomainObject d : registry.all()) {
            if (DomainListFilter.matches(d, flags)) {
                out.add(d.ref());
            }
        }
        return new DomainList(needResults == 0 ? List.of() : out, out.size());
    }

    private int count(boolean active) {
        return (int) registry.all().stream().filter(d -> d.isActive() == active).count();
    }

    private List<Integer> activeIds(int max) {
        return registry.all().stream().filter(DomainObject::isActive).map(DomainObject::id).sorted()
                .limit(Math.max(max, 0)).toList();
    }

    private List<String> inactiveNames(int max) {
        return registry.all().stream().filter(d -> !d.isActive()).map(DomainObject::name)
                .sorted(Comparator.naturalOrder()).limit(Math.max(max, 0)).toList();
    }
}
