package org.virtd.conf.state;

/**
 * What the neutral list filter and modification-impact rules read from a driver's domain object
 * (libvirt's virDomainObj): its state, whether it runs, whether it has a persistent config and
 * whether it starts with the daemon. Each driver's own domain object implements it.
 */
public interface DomainObj {

    /** The virDomainState number ({@link DomainStates#RUNNING}, ...). */
    int state();

    /** Running or paused, i.e. it has an id. */
    boolean isActive();

    boolean isPersistent();

    boolean isAutostart();

    /** Whether a managed save image waits for the next start (libvirt's hasManagedSave). */
    default boolean hasManagedSave() {
        return false;
    }

    /** Whether the driver keeps snapshot metadata for it (libvirt's snapshot count above zero). */
    default boolean hasSnapshots() {
        return false;
    }

    /** Whether the driver keeps checkpoint metadata for it (libvirt's checkpoint count above zero). */
    default boolean hasCheckpoints() {
        return false;
    }
}
