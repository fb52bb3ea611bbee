package org.virtd.qemu.lifecycle;

import org.virtd.core.driver.Checks;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * virDomainCreateWithFlags (start a defined domain) and virDomainCreateXML (run a transient one
 * that disappears when it stops). Flags: START_PAUSED, AUTODESTROY, BYPASS_CACHE, FORCE_BOOT,
 * and VALIDATE for create-xml. A domain with a managed save image resumes from it unless
 * FORCE_BOOT discards the image.
 */
public final class DomainStarter {
    public static final int START_PAUSED = 1;
    public static final int START_AUTODESTROY = 2;
    public static final int START_BYPASS_CACHE = 4;
    public static final int START_FORCE_BOOT = 8;
    public static final int START_VALIDATE = 16;
    public static final int START_RESET_NVRAM = 32;

    private final DomainLifecycle lifecycle;
    private final DomainSaves saves;

    public DomainStarter(DomainLifecycle lifecycle, DomainSaves saves) {
        this.lifecycle = lifecycle;
        this.saves = saves;
    }

    public void start(DomainObject dom, int flags) throws VirtException {
        check(flags, START_PAUSED | START_AUTODESTROY | START_BYPASS_CACHE | START_FORCE_BOOT | START_RESET_NVRAM,
                "qemuDomainCreateWithFlags");
        dom.lock().lock();
        try {
            if (dom.isRemoved()) {
                throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU,
                        "no domain with matching uuid '" + dom.uuid() + "' (" + dom.name() + ")");
            }
            if (dom.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is already running");
            }
            boolean paused = (flags & START_PAUSED) != 0;
            if ((flags & START_RESET_NVRAM) != 0 && lifecycle.firmware() != null) {
                lifecycle.firmware().reset(dom.def());
            }
            if (!saves.startFromManagedSave(dom, paused, (flags & START_FORCE_BOOT) != 0)) {
                lifecycle.start(dom, dom.def(), paused);
            }
        } finally {
            dom.lock().unlock();
        }
    }

    /**
     * Runs {@code def} (QEMU defaults already applied): a new transient domain, or an inactive
     * persistent one of the same name and uuid started with this definition.
     */
    public DomainObject create(DomainDef def, int flags) throws VirtException {
        check(flags, START_PAUSED | START_AUTODESTROY | START_BYPASS_CACHE | START_VALIDATE, "qemuDomainCreateXML");
        return startNew(lifecycle, def, "created", dom -> lifecycle.start(dom, def, (flags & START_PAUSED) != 0));
    }

    /** How a domain found or added by {@link #startNew} is started (its lock held). */
    @FunctionalInterface
    interface Launch {
        void start(DomainObject dom) throws VirtException;
    }

    /**
     * Runs {@code def} as a new transient domain, or as the inactive persistent one of the same
     * name and uuid, with {@code launch}; a failed start leaves no transient domain behind.
     * {@code doing} names the operation in the error a concurrent undefine causes ("created").
     */
    static DomainObject startNew(DomainLifecycle lifecycle, DomainDef def, String doing, Launch launch)
            throws VirtException {
        DomainRegistry registry = lifecycle.registry();
        DomainObject dom = registry.addTransient(def);
        dom.lock().lock();
        try {
            if (dom.isRemoved()) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "domain '" + def.name() + "' went away while being " + doing + "; try again");
            }
            if (dom.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "domain '" + def.name() + "' is already active");
            }
            try {
                launch.start(dom);
            } catch (VirtException | RuntimeException e) {
                registry.removeIfTransient(dom);
                throw e;
            }
            return dom;
        } finally {
            dom.lock().unlock();
        }
    }

    private static void check(int flags, int known, String function) throws VirtException {
        Checks.flags(flags, known, function, ErrorDomain.QEMU);
    }
}
