package org.virtd.qemu.driver;

import org.virtd.core.driver.Checks;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * How the QEMU driver finds the domain a call names (qemuDomainObjFromDomain and the lookup
 * calls, procedures.md §1b): a {@code D} argument is looked up by uuid, and a miss is NO_DOMAIN
 * in the QEMU error domain naming uuid and name; lookups by name, uuid or id name what was asked.
 * The registry is reached through a supplier because handlers are bound before the driver starts.
 */
final class DomainLookup {

    private final Supplier<DomainRegistry> registry;

    DomainLookup(Supplier<DomainRegistry> registry) {
        this.registry = registry;
    }

    DomainRegistry registry() {
        DomainRegistry r = registry.get();
        if (r == null) {
            throw new IllegalStateException("the QEMU driver has not loaded its domains yet");
        }
        return r;
    }

    /** The domain a call's {@code D} names; a domain undefined meanwhile is not found. */
    DomainObject resolve(DomainRef ref) throws VirtException {
        DomainObject d = registry().byUuid(ref.javaUuid());
        if (d == null || d.isRemoved()) {
            throw notFound(ref);
        }
        return d;
    }

    DomainObject byName(String name) throws VirtException {
        DomainObject d = registry().byName(name);
        if (d == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching name '" + name + "'");
        }
        return d;
    }

    DomainObject byUuid(byte[] uuid) throws VirtException {
        UUID u = new DomainRef("", uuid, -1).javaUuid();
        DomainObject d = registry().byUuid(u);
        if (d == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching uuid '" + u + "'");
        }
        return d;
    }

    DomainObject byId(int id) throws VirtException {
        DomainObject d = registry().byId(id);
        if (d == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching id " + id);
        }
        return d;
    }

    static VirtException notFound(DomainRef ref) {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU,
                "no domain with matching uuid '" + ref.javaUuid() + "' (" + ref.name() + ")");
    }

    /** libvirt's virCheckFlags: bits outside {@code allowed} are INVALID_ARG naming the driver function. */
    static void checkFlags(int flags, int allowed, String function) throws VirtException {
        Checks.flags(flags, allowed, function, ErrorDomain.QEMU);
    }

    /** The same in another error domain. */
    static void checkFlags(int flags, int allowed, String function, ErrorDomain domain) throws VirtException {
        Checks.flags(flags, allowed, function, domain);
    }

    /** A change's body, run under the domain's lock. */
    @FunctionalInterface
    interface Locked<T> {
        T run() throws VirtException;
    }

    /** Runs {@code body} holding {@code dom}'s lock; NO_DOMAIN if it went away meanwhile. */
    static <T> T locked(DomainObject dom, Locked<T> body) throws VirtException {
        dom.lock().lock();
        try {
            if (dom.isRemoved()) {
                throw notFound(dom.ref());
            }
            return body.run();
        } finally {
            dom.lock().unlock();
        }
    }
}
