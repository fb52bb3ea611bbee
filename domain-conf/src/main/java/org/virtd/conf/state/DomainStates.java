package org.virtd.conf.state;

import java.util.List;

/**
 * libvirt's virDomainState values with their per-state reasons, and the lifecycle event types
 * and details our drivers raise (qemu-driver.md §6, procedures.md §4). Names are the ones
 * libvirt prints, e.g. in a status file ({@code <domstatus state='running' reason='booted'>}).
 */
public final class DomainStates {
    public static final int RUNNING = 1;
    public static final int PAUSED = 3;
    public static final int SHUTDOWN = 4;
    public static final int SHUTOFF = 5;
    public static final int CRASHED = 6;

    public static final int RUNNING_UNKNOWN = 0;
    public static final int RUNNING_BOOTED = 1;
    public static final int RUNNING_RESTORED = 3;
    public static final int RUNNING_FROM_SNAPSHOT = 4;
    public static final int RUNNING_UNPAUSED = 5;
    public static final int RUNNING_SAVE_CANCELED = 7;
    public static final int RUNNING_CRASHED = 9;
    public static final int PAUSED_UNKNOWN = 0;
    public static final int PAUSED_USER = 1;
    public static final int PAUSED_MIGRATION = 2;
    public static final int PAUSED_SAVE = 3;
    public static final int PAUSED_DUMP = 4;
    public static final int PAUSED_FROM_SNAPSHOT = 7;
    public static final int PAUSED_SNAPSHOT = 9;
    public static final int PAUSED_STARTING_UP = 11;
    public static final int SHUTOFF_SHUTDOWN = 1;
    public static final int SHUTOFF_DESTROYED = 2;
    public static final int SHUTOFF_CRASHED = 3;
    public static final int SHUTOFF_SAVED = 5;
    public static final int SHUTOFF_FAILED = 6;
    public static final int SHUTOFF_FROM_SNAPSHOT = 7;
    public static final int CRASHED_PANICKED = 1;

    /** Lifecycle event types (virDomainEventType). */
    public static final int EVENT_DEFINED = 0;
    public static final int EVENT_STARTED = 2;
    public static final int EVENT_SUSPENDED = 3;
    public static final int EVENT_RESUMED = 4;
    public static final int EVENT_STOPPED = 5;
    public static final int EVENT_SHUTDOWN = 6;
    public static final int EVENT_CRASHED = 8;

    /** Details used with the types above. */
    public static final int STARTED_BOOTED = 0;
    public static final int STARTED_RESTORED = 2;
    public static final int STARTED_FROM_SNAPSHOT = 3;
    public static final int DEFINED_FROM_SNAPSHOT = 3;
    public static final int SUSPENDED_PAUSED = 0;
    public static final int SUSPENDED_RESTORED = 4;
    public static final int SUSPENDED_FROM_SNAPSHOT = 5;
    public static final int RESUMED_UNPAUSED = 0;
    public static final int RESUMED_FROM_SNAPSHOT = 2;
    public static final int STOPPED_SHUTDOWN = 0;
    public static final int STOPPED_DESTROYED = 1;
    public static final int STOPPED_CRASHED = 2;
    public static final int STOPPED_SAVED = 4;
    public static final int STOPPED_FAILED = 5;
    public static final int STOPPED_FROM_SNAPSHOT = 6;
    public static final int SHUTDOWN_FINISHED = 0;
    public static final int SHUTDOWN_GUEST = 1;
    public static final int SHUTDOWN_HOST = 2;
    public static final int CRASHED_PANICKED_DETAIL = 0;

    private static final List<String> STATES = List.of("nostate", "running", "blocked", "paused", "shutdown",
            "shutoff", "crashed", "pmsuspended");
    private static final List<List<String>> REASONS = List.of(
            List.of("unknown"),
            List.of("unknown", "booted", "migrated", "restored", "from snapshot", "unpaused", "migration canceled",
                    "save canceled", "wakeup", "crashed", "post-copy", "post-copy failed"),
            List.of("unknown"),
            List.of("unknown", "user", "migration", "save", "dump", "ioerror", "watchdog", "from snapshot",
                    "shutdown", "snapshot", "panicked", "starting up", "post-copy", "post-copy failed"),
            List.of("unknown", "user"),
            List.of("unknown", "shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from snapshot",
                    "daemon"),
            List.of("unknown", "panicked"),
            List.of("unknown"));

    private DomainStates() {
    }

    public static String stateName(int state) {
        return state >= 0 && state < STATES.size() ? STATES.get(state) : "nostate";
    }

    public static String reasonName(int state, int reason) {
        if (state < 0 || state >= REASONS.size()) {
            return "unknown";
        }
        List<String> r = REASONS.get(state);
        return reason >= 0 && reason < r.size() ? r.get(reason) : "unknown";
    }

    /** The state number for a status-file name; unknown names are nostate (0). */
    public static int stateOf(String name) {
        int i = STATES.indexOf(name);
        return Math.max(i, 0);
    }

    public static int reasonOf(int state, String name) {
        if (state < 0 || state >= REASONS.size()) {
            return 0;
        }
        return Math.max(REASONS.get(state).indexOf(name), 0);
    }
}
