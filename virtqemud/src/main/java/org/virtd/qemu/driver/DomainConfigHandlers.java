package org.virtd.qemu.driver;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.DomainListFilter;
import org.virtd.core.driver.Checks;
import org.virtd.core.driver.CallContext;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags.Undefine;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainList;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.LifecycleEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The QEMU driver's configuration half (issue 4, procedures.md §1b–1c): define, undefine,
 * lookups and listings over the {@link DomainRegistry}, raising DEFINED/UNDEFINED lifecycle
 * events (procedures.md §4). Lookup failures are NO_DOMAIN in the QEMU domain naming what was
 * asked for; calls taking a domain look it up by uuid ({@link DomainLookup}).
 */
public final class DomainConfigHandlers {

    static final int DEFINE_VALIDATE = 1;
    static final int EVENT_DEFINED = 0;
    static final int EVENT_UNDEFINED = 1;
    static final int DETAIL_ADDED = 0;
    static final int DETAIL_UPDATED = 1;
    static final int DETAIL_REMOVED = 0;
    /** VIR_DOMAIN_EVENT_UNDEFINED_RENAMED and VIR_DOMAIN_EVENT_DEFINED_RENAMED. */
    static final int DETAIL_RENAMED = 1;
    static final int DETAIL_RENAMED_TO = 2;


    /** The probed emulators, asked at each define (may wait for the probe to finish). */
    @FunctionalInterface
    public interface EmulatorSource {
        GuestEmulators get() throws VirtException;
    }

    private final DomainLookup lookup;
    private final EmulatorSource emulators;
    private final RandomGenerator random;
    private volatile UndefineGuard undefineGuard = (dom, flags) -> { };
    private volatile UnaryOperator<DomainDef> hostDefaults = UnaryOperator.identity();

    /** What must be settled before a definition goes (a managed save image: refuse or remove). */
    @FunctionalInterface
    interface UndefineGuard {
        void beforeUndefine(DomainObject dom, int flags) throws VirtException;
    }

    /** What define adds that depends on the host (the default NVRAM path of a bare UEFI loader). */
    DomainConfigHandlers withHostDefaults(UnaryOperator<DomainDef> fill) {
        this.hostDefaults = fill;
        return this;
    }

    DomainConfigHandlers withUndefineGuard(UndefineGuard guard) {
        this.undefineGuard = guard;
        return this;
    }

    /**
     * @param registry  the driver's domains, null until the driver has started and loaded them
     * @param emulators the probed emulators
     */
    public DomainConfigHandlers(Supplier<DomainRegistry> registry, EmulatorSource emulators) {
        this(new DomainLookup(registry), emulators, UuidRandom.INSTANCE);
    }

    DomainConfigHandlers(DomainRegistry registry, EmulatorSource emulators, RandomGenerator random) {
        this(new DomainLookup(() -> registry), emulators, random);
    }

    DomainConfigHandlers(DomainLookup lookup, EmulatorSource emulators, RandomGenerator random) {
        this.lookup = lookup;
        this.emulators = emulators;
        this.random = random;
    }

    public void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_DEFINE_XML, (c, xml) -> define(c, xml, 0));
        t.on(RemoteProgram.DOMAIN_DEFINE_XML_FLAGS, (c, a) -> define(c, a.xml(), a.flags()));
        t.on(RemoteProgram.DOMAIN_UNDEFINE, (c, dom) -> {
            undefine(c, dom, 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_UNDEFINE_FLAGS, (c, a) -> {
            undefine(c, a.domain(), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_LOOKUP_BY_NAME, (c, name) -> lookup.byName(name).ref());
        t.on(RemoteProgram.DOMAIN_LOOKUP_BY_UUID, (c, uuid) -> lookup.byUuid(uuid).ref());
        t.on(RemoteProgram.DOMAIN_LOOKUP_BY_ID, (c, id) -> lookup.byId(id).ref());
        t.on(RemoteProgram.DOMAIN_RENAME, (c, a) -> rename(c, a.domain(), a.newName(), a.flags()));
        t.on(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, (c, a) -> listAll(a.needResults(), a.flags()));
        t.on(RemoteProgram.CONNECT_NUM_OF_DOMAINS, (c, a) -> count(true));
        t.on(RemoteProgram.CONNECT_NUM_OF_DEFINED_DOMAINS, (c, a) -> count(false));
        t.on(RemoteProgram.CONNECT_LIST_DOMAINS, (c, max) -> activeIds(max));
        t.on(RemoteProgram.CONNECT_LIST_DEFINED_DOMAINS, (c, max) -> inactiveNames(max));
    }

    /** DOMAIN_DEFINE_XML(_FLAGS): parse, apply QEMU defaults, store, raise DEFINED (ADDED/UPDATED). */
    public DomainRef define(CallContext ctx, String xml, int flags) throws VirtException {
        DomainLookup.checkFlags(flags, DEFINE_VALIDATE, "qemuDomainDefineXMLFlags");
        DomainDef raw = QemuXmlConf.PARSER.parse(xml, (flags & DEFINE_VALIDATE) != 0);
        DomainDef def = hostDefaults.apply(new QemuDomainDefaults(emulators.get(), random).apply(raw));
        DomainRegistry.Defined d = lookup.registry().define(def, raw.uuid() != null);
        DomainRef ref = d.domain().ref();
        ctx.events().domainEvent(new LifecycleEvent(ref, EVENT_DEFINED, d.updated() ? DETAIL_UPDATED : DETAIL_ADDED));
        return ref;
    }

    /**
     * DOMAIN_UNDEFINE(_FLAGS): removes the config and autostart link; snapshot metadata and a
     * managed save image refuse it unless SNAPSHOTS_METADATA / MANAGED_SAVE remove them too (the
     * undefine guard). This driver keeps no checkpoint metadata, nvram or TPM state, so those
     * flags have nothing to remove, except that keeping and deleting the same thing at once is
     * refused as libvirt does.
     */
    public void undefine(CallContext ctx, DomainRef ref, int flags) throws VirtException {
        DomainLookup.checkFlags(flags, Undefine.ALL, "qemuDomainUndefineFlags");
        failOnContradiction(flags, Undefine.NVRAM, Undefine.KEEP_NVRAM, "cannot both keep and delete nvram");
        failOnContradiction(flags, Undefine.TPM, Undefine.KEEP_TPM, "cannot both keep and delete TPM");
        DomainObject dom = lookup.resolve(ref);
        dom.lock().lock();
        try {
            if (dom.isRemoved()) {
                throw DomainLookup.notFound(ref);
            }
            if (!dom.isPersistent()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot undefine transient domain");
            }
            undefineGuard.beforeUndefine(dom, flags);
            lookup.registry().undefine(dom);
            ctx.events().domainEvent(new LifecycleEvent(dom.ref(), EVENT_UNDEFINED, DETAIL_REMOVED));
        } finally {
            dom.lock().unlock();
        }
    }

    /**
     * DOMAIN_RENAME (qemuDomainRename): only an inactive persistent domain, to a free name
     * without '/'; UNDEFINED/RENAMED for the old name, then DEFINED/RENAMED for the new one.
     */
    public int rename(CallContext ctx, DomainRef ref, String newName, int flags) throws VirtException {
        DomainLookup.checkFlags(flags, 0, "qemuDomainRename");
        if (newName == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "new_name in virDomainRename must not be NULL");
        }
        DomainObject dom = lookup.resolve(ref);
        dom.lock().lock();
        try {
            if (dom.isRemoved()) {
                throw DomainLookup.notFound(ref);
            }
            if (dom.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "cannot rename active domain");
            }
            if (!dom.isPersistent()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot rename a transient domain");
            }
            if (newName.contains("/")) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.QEMU,
                        "name " + newName + " cannot contain '/'");
            }
            DomainObject renamed = lookup.registry().rename(dom, newName);
            ctx.events().domainEvent(new LifecycleEvent(dom.ref(), EVENT_UNDEFINED, DETAIL_RENAMED));
            ctx.events().domainEvent(new LifecycleEvent(renamed.ref(), EVENT_DEFINED, DETAIL_RENAMED_TO));
            return 0;
        } finally {
            dom.lock().unlock();
        }
    }

    private static void failOnContradiction(int flags, int delete, int keep, String message) throws VirtException {
        if ((flags & delete) != 0 && (flags & keep) != 0) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, message);
        }
    }

    DomainObject byName(String name) throws VirtException {
        return lookup.byName(name);
    }

    DomainObject byId(int id) throws VirtException {
        return lookup.byId(id);
    }

    DomainList listAll(int needResults, int flags) throws VirtException {
        DomainLookup.checkFlags(flags, DomainListFilter.ALL, "qemuConnectListAllDomains");
        List<DomainRef> out = new ArrayList<>();
        int count = 0;
        for (DomainObject d : lookup.registry().all()) {
            if (DomainListFilter.matches(d, flags)) {
                count++;
                if (needResults != 0) {
                    out.add(d.ref());
                }
            }
        }
        return new DomainList(out, count);
    }

    private int count(boolean active) {
        int n = 0;
        for (DomainObject d : lookup.registry().all()) {
            if (d.isActive() == active) {
                n++;
            }
        }
        return n;
    }

    private List<Integer> activeIds(int max) throws VirtException {
        Checks.domainListMax(max, "maxids > REMOTE_DOMAIN_LIST_MAX");
        return lookup.registry().all().stream().filter(DomainObject::isActive).map(DomainObject::id).sorted()
                .limit(Math.max(max, 0)).toList();
    }

    private List<String> inactiveNames(int max) throws VirtException {
        Checks.domainListMax(max, "maxnames > REMOTE_DOMAIN_LIST_MAX");
        return lookup.registry().all().stream().filter(d -> !d.isActive()).map(DomainObject::name)
                .sorted(Comparator.naturalOrder()).limit(Math.max(max, 0)).toList();
    }
}
