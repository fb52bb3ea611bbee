package org.virtd.qemu.domain;

import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The driver's domains (libvirt's virDomainObjList) indexed by name, uuid and id in concurrent
 * maps: lookups and listings take no lock. Define and undefine keep the indexes consistent
 * under a short writer lock; the slow part (the fsync'd config write) runs outside it while the
 * new name and uuid are reserved, so a domain becomes visible only once it is on disk and whole.
 * Ids come from a counter that never goes back while the daemon lives.
 */
public final class DomainRegistry {

    /** What a define did: a new domain, or an update of an existing one (event detail 0/1). */
    public record Defined(DomainObject domain, boolean updated) {
    }

    private final List<java.util.function.Consumer<DomainObject>> transientGone =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DomainStore store;
    private final ConcurrentHashMap<String, DomainObject> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, DomainObject> byUuid = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, DomainObject> byId = new ConcurrentHashMap<>();
    private final Set<String> reservedNames = ConcurrentHashMap.newKeySet();
    private final Set<UUID> reservedUuids = ConcurrentHashMap.newKeySet();
    private final ReentrantLock writer = new ReentrantLock();
    private final Condition released = writer.newCondition();
    private final AtomicInteger nextId = new AtomicInteger(1);

    public DomainRegistry(DomainStore store) {
        this.store = store;
    }

    public DomainStore store() {
        return store;
    }

    /** Publishes the definitions found on disk at start-up. */
    public void load(List<DomainStore.Loaded> loaded) {
        for (DomainStore.Loaded l : loaded) {
            DomainDef def = l.def();
            if (byName.containsKey(def.name()) || byUuid.containsKey(def.uuid())) {
                continue;
            }
            DomainObject dom = new DomainObject(def, true);
            dom.setAutostart(l.autostart());
            publish(dom);
        }
    }

    public DomainObject byName(String name) {
        return byName.get(name);
    }

    public DomainObject byUuid(UUID uuid) {
        return byUuid.get(uuid);
    }

    public DomainObject byId(int id) {
        return byId.get(id);
    }

    /** A weakly consistent view of every domain (never a half-defined one). */
    public Collection<DomainObject> all() {
        return byUuid.values();
    }

    public int size() {
        return byUuid.size();
    }

    /**
     * Defines or redefines a persistent domain. {@code uuidGiven} says whether the XML carried the
     * uuid (a define by name only never updates an existing domain, qemu-driver.md §3).
     */
    public Defined define(DomainDef def, boolean uuidGiven) throws VirtException {
        while (true) {
            DomainObject existing = reserveOrFindExisting(def, uuidGiven);
            if (existing == null) {
                return defineNew(def);
            }
            existing.lock().lock();
            try {
                if (existing.isRemoved()) {
                    continue;
                }
                store.save(def);
                existing.setDef(def);
                existing.setPersistent(true);
                return new Defined(existing, true);
            } finally {
                existing.lock().unlock();
            }
        }
    }

    /**
     * For create-xml and re-attach: the domain {@code def} names if one with the same name and
     * uuid exists, else a new transient domain published at once. Name or uuid clashes fail as
     * for define. The caller locks the result and checks {@link DomainObject#isRemoved()}.
     */
    public DomainObject addTransient(DomainDef def) throws VirtException {
        writer.lock();
        try {
            DomainObject sameName = awaitAndCheckClashes(def, true);
            if (sameName != null) {
                return sameName;
            }
            DomainObject dom = new DomainObject(def, false);
            publish(dom);
            return dom;
        } finally {
            writer.unlock();
        }
    }

    /**
     * With the writer lock held: waits until no define of the same name or uuid is in progress,
     * then fails on a uuid used by another name, or on the name used with another uuid (or at all,
     * when {@code uuidGiven} is false). Returns the domain of the same name and uuid, or null.
     */
    private DomainObject awaitAndCheckClashes(DomainDef def, boolean uuidGiven) throws VirtException {
        while (reservedNames.contains(def.name()) || reservedUuids.contains(def.uuid())) {
            released.awaitUninterruptibly();
        }
        DomainObject sameUuid = byUuid.get(def.uuid());
        if (sameUuid != null && !sameUuid.name().equals(def.name())) {
            throw failed("domain '" + sameUuid.name() + "' is already defined with uuid " + sameUuid.uuid());
        }
        DomainObject sameName = byName.get(def.name());
        if (sameName != null && (!uuidGiven || !sameName.uuid().equals(def.uuid()))) {
            throw failed("domain '" + sameName.name() + "' already exists with uuid " + sameName.uuid());
        }
        return sameName;
    }

    private DomainObject reserveOrFindExisting(DomainDef def, boolean uuidGiven) throws VirtException {
        writer.lock();
        try {
            DomainObject sameName = awaitAndCheckClashes(def, uuidGiven);
            if (sameName != null) {
                return sameName;
            }
            reservedNames.add(def.name());
            reservedUuids.add(def.uuid());
            return null;
        } finally {
            writer.unlock();
        }
    }

    private Defined defineNew(DomainDef def) throws VirtException {
        DomainObject dom = new DomainObject(def, true);
        try {
            store.save(def);
            writer.lock();
            try {
                publish(dom);
            } finally {
                writer.unlock();
            }
            return new Defined(dom, false);
        } finally {
            writer.lock();
            try {
                reservedNames.remove(def.name());
                reservedUuids.remove(def.uuid());
                released.signalAll();
            } finally {
                writer.unlock();
            }
        }
    }

    private void publish(DomainObject dom) {
        byUuid.put(dom.uuid(), dom);
        byName.put(dom.name(), dom);
        if (dom.isActive()) {
            byId.put(dom.id(), dom);
        }
    }

    /**
     * Removes the persistent definition (file and autostart link). An inactive domain disappears;
     * a running one becomes transient and disappears when it stops ({@link #removeIfTransient}).
     * The caller holds the domain's lock.
     */
    public void undefine(DomainObject dom) throws VirtException {
        requireOwner(dom);
        store.delete(dom.name());
        dom.setAutostart(false);
        if (dom.isActive()) {
            dom.setPersistent(false);
        } else {
            remove(dom);
        }
    }

    /**
     * Gives an inactive persistent domain a new name (virDomainObjListRename): the definition is
     * stored under the new name before the old file and autostart link go, and a new object
     * takes the old one's place in the indexes. The caller holds {@code dom}'s lock; the old
     * object is marked removed, so handles resolve to the new one by uuid.
     */
    public DomainObject rename(DomainObject dom, String newName) throws VirtException {
        requireOwner(dom);
        String oldName = dom.name();
        if (oldName.equals(newName)) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "Can't rename domain to itself");
        }
        writer.lock();
        try {
            while (reservedNames.contains(newName)) {
                released.awaitUninterruptibly();
            }
            if (byName.containsKey(newName)) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                        "domain with name '" + newName + "' already exists");
            }
            reservedNames.add(newName);
        } finally {
            writer.unlock();
        }
        try {
            DomainDef renamed = dom.def().withName(newName);
            boolean autostart = dom.isAutostart();
            store.save(renamed);
            if (autostart) {
                store.setAutostart(newName, true);
                store.setAutostart(oldName, false);
            }
            store.delete(oldName);
            DomainObject fresh = new DomainObject(renamed, true);
            fresh.setAutostart(autostart);
            writer.lock();
            try {
                dom.markRemoved();
                byName.remove(oldName, dom);
                publish(fresh);
            } finally {
                writer.unlock();
            }
            return fresh;
        } finally {
            writer.lock();
            try {
                reservedNames.remove(newName);
                released.signalAll();
            } finally {
                writer.unlock();
            }
        }
    }

    /** After a stop: a transient domain leaves the registry. The caller holds the domain's lock. */
    public void removeIfTransient(DomainObject dom) {
        requireOwner(dom);
        if (!dom.isPersistent() && !dom.isActive()) {
            remove(dom);
            transientGone.forEach(h -> h.accept(dom));
        }
    }

    /**
     * Work done when a transient domain leaves after its stop, under its lock: metadata kept
     * beside it (its checkpoints) goes with it, as libvirt removes an inactive domain's.
     */
    public void onTransientRemoved(java.util.function.Consumer<DomainObject> hook) {
        transientGone.add(hook);
    }

    private void remove(DomainObject dom) {
        writer.lock();
        try {
            dom.markRemoved();
            byName.remove(dom.name(), dom);
            byUuid.remove(dom.uuid(), dom);
            byId.values().remove(dom);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Replaces a persistent domain's stored definition (the CONFIG half of setmem, setvcpus...):
     * written to disk first, published after. The caller holds the domain's lock.
     */
    public void saveConfig(DomainObject dom, DomainDef def) throws VirtException {
        requireOwner(dom);
        if (!def.name().equals(dom.name()) || !def.uuid().equals(dom.uuid())) {
            throw new IllegalArgumentException("a config update cannot rename " + dom);
        }
        store.save(def);
        dom.setDef(def);
    }

    /** Sets or clears the autostart link; the caller holds the domain's lock. */
    public void setAutostart(DomainObject dom, boolean on) throws VirtException {
        requireOwner(dom);
        if (!dom.isPersistent()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "cannot set autostart for transient domain");
        }
        if (on != dom.isAutostart()) {
            store.setAutostart(dom.name(), on);
            dom.setAutostart(on);
        }
    }

    /** The next domain id; never reused while the daemon lives. */
    public int allocateId() {
        return nextId.getAndIncrement();
    }

    /** After reconnecting a running domain with {@code id}: later ids start above it. */
    public void observeId(int id) {
        nextId.accumulateAndGet(id + 1, Math::max);
    }

    /** Records a domain's id change (start/stop); the caller holds the domain's lock. */
    public void indexId(DomainObject dom, int oldId) {
        requireOwner(dom);
        if (oldId >= 0) {
            byId.remove(oldId, dom);
        }
        if (dom.isActive()) {
            byId.put(dom.id(), dom);
        }
    }

    /** Snapshot copy for listings that must not change under iteration. */
    public List<DomainObject> snapshot() {
        return new ArrayList<>(byUuid.values());
    }

    private static void requireOwner(DomainObject dom) {
        if (!dom.lock().isHeldByCurrentThread()) {
            throw new IllegalStateException("domain " + dom.name() + " changed without holding its lock");
        }
    }

    private static VirtException failed(String detail) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN, detail);
    }
}
