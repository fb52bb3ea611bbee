package org.virtd.qemu.driver;

import org.virtd.qemu.domain.DomainObject;

/**
 * The CONNECT_LIST_ALL_DOMAINS flag groups (procedures.md §1b): within a group the set bits are
 * OR-ed, groups are AND-ed, an empty group matches everything. Managed save, snapshots and
 * checkpoints do not exist in this driver, so their "has" flags match nothing.
 */
final class DomainListFilter {

    static final int ACTIVE = 1;
    static final int INACTIVE = 2;
    static final int PERSISTENT = 4;
    static final int TRANSIENT = 8;
    static final int RUNNING = 16;
    static final int PAUSED = 32;
    static final int SHUTOFF = 64;
    static final int OTHER = 128;
    static final int MANAGEDSAVE = 256;
    static final int NO_MANAGEDSAVE = 512;
    static final int AUTOSTART = 1024;
    static final int NO_AUTOSTART = 2048;
    static final int HAS_SNAPSHOT = 4096;
    static final int NO_SNAPSHOT = 8192;
    static final int HAS_CHECKPOINT = 16384;
    static final int NO_CHECKPOINT = 32768;

    private DomainListFilter() {
    }

    static boolean matches(DomainObject d, int flags) {
        int state = d.state();
        boolean running = state == 1;
        boolean paused = state == 3;
        boolean shutoff = state == 5;
        return group(flags, ACTIVE | INACTIVE, d.isActive() ? ACTIVE : INACTIVE)
                && group(flags, PERSISTENT | TRANSIENT, d.isPersistent() ? PERSISTENT : TRANSIENT)
                && group(flags, RUNNING | PAUSED | SHUTOFF | OTHER,
                running ? RUNNING : paused ? PAUSED : shutoff ? SHUTOFF : OTHER)
                && group(flags, MANAGEDSAVE | NO_MANAGEDSAVE, NO_MANAGEDSAVE)
                && group(flags, AUTOSTART | NO_AUTOSTART, d.isAutostart() ? AUTOSTART : NO_AUTOSTART)
                && group(flags, HAS_SNAPSHOT | NO_SNAPSHOT, NO_SNAPSHOT)
                && group(flags, HAS_CHECKPOINT | NO_CHECKPOINT, NO_CHECKPOINT);
    }

    private static boolean group(int flags, int mask, int actual) {
        int wanted = flags & mask;
        return wanted == 0 || (wanted & actual) != 0;
    }
}
