package org.virtd.qemu.domain;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.DomainObj;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One domain the driver knows (libvirt's virDomainObj): its persistent definition, the live one
 * while running, id, state/reason, persistence and autostart. Fields are volatile so lookups
 * and listings read them without locking; every change happens under {@link #lock()}, which
 * makes the holder the domain's single owner (define/undefine/config changes here, start/stop
 * in the lifecycle code).
 */
public final class DomainObject implements DomainObj {

    /** virDomainState values used by the config half (qemu-driver.md §6). */
    public static final int STATE_RUNNING = 1;
    public static final int STATE_PAUSED = 3;
    public static final int STATE_SHUTOFF = 5;

    private final String name;
    private final UUID uuid;
    private final byte[] uuidBytes;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile DomainDef def;
    private volatile DomainDef liveDef;
    private volatile int id = DomainRef.INACTIVE_ID;
    private volatile long stateAndReason = pack(STATE_SHUTOFF, 0);
    private volatile boolean persistent;
    private volatile boolean autostart;
    private volatile boolean removed;
    /** The precopy migration bandwidth limit in MiB/s, or -1 for none set (libvirt keeps it here too). */
    private volatile long migrationBandwidth = -1;
    private volatile boolean managedSave;
    private volatile int snapshotCount;
    private volatile int checkpointCount;

    DomainObject(DomainDef def, boolean persistent) {
        this.name = def.name();
        this.uuid = def.uuid();
        this.uuidBytes = DomainRef.uuidBytes(uuid);
        this.def = def;
        this.persistent = persistent;
    }

    public String name() {
        return name;
    }

    public UUID uuid() {
        return uuid;
    }

    /** The wire form with the current id (-1 while inactive). */
    public DomainRef ref() {
        return new DomainRef(name, uuidBytes.clone(), id);
    }

    /** The lock that makes its holder this domain's owner. */
    public ReentrantLock lock() {
        return lock;
    }

    /** The persistent (inactive) definition, or for a transient running domain its start definition. */
    public DomainDef def() {
        return def;
    }

    /** The running definition, or null while inactive. */
    public DomainDef liveDef() {
        return liveDef;
    }

    /** What dumpxml shows without INACTIVE: the live definition when running. */
    public DomainDef currentDef() {
        DomainDef live = liveDef;
        return live != null ? live : def;
    }

    public int id() {
        return id;
    }

    @Override
    public boolean isActive() {
        return id != DomainRef.INACTIVE_ID;
    }

    @Override
    public int state() {
        return (int) (stateAndReason >>> 32);
    }

    public int reason() {
        return (int) stateAndReason;
    }

    @Override
    public boolean isPersistent() {
        return persistent;
    }

    @Override
    public boolean isAutostart() {
        return autostart;
    }

    @Override
    public boolean hasManagedSave() {
        return managedSave;
    }

    @Override
    public boolean hasSnapshots() {
        return snapshotCount > 0;
    }

    /** How many snapshots with metadata the domain has (kept by the snapshot code). */
    public int snapshotCount() {
        return snapshotCount;
    }

    public void setSnapshotCount(int count) {
        this.snapshotCount = count;
    }

    @Override
    public boolean hasCheckpoints() {
        return checkpointCount > 0;
    }

    /** Kept by the checkpoint code, for the list filters. */
    public void setCheckpointCount(int count) {
        this.checkpointCount = count;
    }

    /** Notes that a managed save image exists (or no longer does) for this domain. */
    public void setManagedSave(boolean value) {
        this.managedSave = value;
    }

    /** True once undefined and dropped from the registry; a stale handle then finds nothing. */
    public boolean isRemoved() {
        return removed;
    }

    public void setDef(DomainDef newDef) {
        requireOwner();
        this.def = newDef;
    }

    /** Sets state and reason together (readers never see a mixed pair). */
    public void setState(int state, int reason) {
        requireOwner();
        this.stateAndReason = pack(state, reason);
    }

    /** Marks the domain running with {@code newId} and its live definition, or inactive with -1/null. */
    public void setActive(int newId, DomainDef live) {
        requireOwner();
        this.liveDef = live;
        this.id = newId;
    }

    public long migrationBandwidth() {
        return migrationBandwidth;
    }

    public void migrationBandwidth(long mibPerSecond) {
        this.migrationBandwidth = mibPerSecond;
    }

    public void setPersistent(boolean value) {
        requireOwner();
        this.persistent = value;
    }

    void setAutostart(boolean value) {
        this.autostart = value;
    }

    void markRemoved() {
        this.removed = true;
    }

    private void requireOwner() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("domain " + name + " changed without holding its lock");
        }
    }

    private static long pack(int state, int reason) {
        return ((long) state << 32) | (reason & 0xffffffffL);
    }

    @Override
    public String toString() {
        return name + "(" + uuid + ")";
    }
}
