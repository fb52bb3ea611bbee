package org.virtd.conf.state;

/**
 * The CONNECT_LIST_ALL_DOMAINS flag groups (procedures.md §1b): within a group the set bits are
 * OR-ed, groups are AND-ed, an empty group matches everything. Checkpoints exist in none of our
 * drivers, so their "has" flag matches nothing.
 */
public final class DomainListFilter {

    public static final int ACTIVE = 1;
    public static final int INACTIVE = 2;
    public static final int PERSISTENT = 4;
    public static final int TRANSIENT = 8;
    public static final int RUNNING = 16;
    public static final int PAUSED = 32;
    public static final int SHUTOFF = 64;
    public static final int OTHER = 128;
    public static final int MANAGEDSAVE = 256;
    public static final int NO_MANAGEDSAVE = 512;
    public static final int AUTOSTART = 1024;
    public static final int NO_AUTOSTART = 2048;
    public static final int HAS_SNAPSHOT = 4096;
    public static final int NO_SNAPSHOT = 8192;
    public static final int HAS_CHECKPOINT = 16384;
    public static final int NO_CHECKPOINT = 32768;
    /** Every filter bit libvirt 9.0 defines; anything else is an unsupported flag. */
    public static final int ALL = 65535;

    private DomainListFilter() {
    }

    public static boolean matches(DomainObj d, int flags) {
        int state = d.state();
        boolean running = state == DomainStates.RUNNING;
        boolean paused = state == DomainStates.PAUSED;
        boolean shutoff = state == DomainStates.SHUTOFF;
        return group(flags, ACTIVE | INACTIVE, d.isActive() ? ACTIVE : INACTIVE)
                && group(flags, PERSISTENT | TRANSIENT, d.isPersistent() ? PERSISTENT : TRANSIENT)
                && group(flags, RUNNING | PAUSED | SHUTOFF | OTHER,
                running ? RUNNING : paused ? PAUSED : shutoff ? SHUTOFF : OTHER)
                && group(flags, MANAGEDSAVE | NO_MANAGEDSAVE, d.hasManagedSave() ? MANAGEDSAVE : NO_MANAGEDSAVE)
                && group(flags, AUTOSTART | NO_AUTOSTART, d.isAutostart() ? AUTOSTART : NO_AUTOSTART)
                && group(flags, HAS_SNAPSHOT | NO_SNAPSHOT, d.hasSnapshots() ? HAS_SNAPSHOT : NO_SNAPSHOT)
                && group(flags, HAS_CHECKPOINT | NO_CHECKPOINT, d.hasCheckpoints() ? HAS_CHECKPOINT : NO_CHECKPOINT);
    }

    private static boolean group(int flags, int mask, int actual) {
        int wanted = flags & mask;
        return wanted == 0 || (wanted & actual) != 0;
    }
}
