package org.virtd.vbox.manage;

import java.util.Locale;

/**
 * VirtualBox's MachineState by its {@code VMState=} name, with the libvirt state it maps to and
 * whether it counts as online (vbox-driver.md §3). Numbers differ between 6.x and 7.x, so only
 * names are compared; an unknown name is {@link #NULL}: nostate, offline.
 */
public enum MachineState {
    NULL("", 0, false),
    POWERED_OFF("poweroff", 5, false),
    SAVED("saved", 5, false),
    TELEPORTED("teleported", 0, false),
    ABORTED("aborted", 6, false),
    ABORTED_SAVED("aborted-saved", 0, false),
    RUNNING("running", 1, true),
    PAUSED("paused", 3, true),
    STUCK("gurumeditation", 2, true),
    TELEPORTING("teleporting", 0, true),
    LIVE_SNAPSHOTTING("livesnapshotting", 0, true),
    STARTING("starting", 0, true),
    STOPPING("stopping", 4, true),
    SAVING("saving", 0, true),
    RESTORING("restoring", 0, true),
    TELEPORTING_PAUSED("teleportingpausedvm", 0, true),
    TELEPORTING_IN("teleportingin", 0, true),
    DELETING_SNAPSHOT_ONLINE("deletingsnapshotlive", 0, true),
    DELETING_SNAPSHOT_PAUSED("deletingsnapshotlivepaused", 0, true),
    ONLINE_SNAPSHOTTING("onlinesnapshotting", 0, true),
    RESTORING_SNAPSHOT("restoringsnapshot", 0, false),
    DELETING_SNAPSHOT("deletingsnapshot", 0, false),
    SETTING_UP("settingup", 0, false),
    SNAPSHOTTING("snapshotting", 0, false),
    FAULT_TOLERANT_SYNCING("faulttolerantsyncing", 0, true);

    private final String vmState;
    private final int domainState;
    private final boolean online;

    MachineState(String vmState, int domainState, boolean online) {
        this.vmState = vmState;
        this.domainState = domainState;
        this.online = online;
    }

    public static MachineState of(String vmState) {
        if (vmState != null) {
            String v = vmState.strip().toLowerCase(Locale.ROOT);
            for (MachineState s : values()) {
                if (s != NULL && s.vmState.equals(v)) {
                    return s;
                }
            }
        }
        return NULL;
    }

    /** The {@code VMState=} spelling. */
    public String vmState() {
        return vmState;
    }

    /** The virDomainState number libvirt reports (reason is always 0). */
    public int domainState() {
        return domainState;
    }

    /** Running…OnlineSnapshotting: such a machine is active and has an id. */
    public boolean online() {
        return online;
    }

    /** libvirt starts only from PoweredOff, Saved and Aborted. */
    public boolean startable() {
        return this == POWERED_OFF || this == SAVED || this == ABORTED;
    }
}
