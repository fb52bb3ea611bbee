package org.virtd.qemu.cgroup;

import java.io.IOException;

/**
 * The device rules of one v2 cgroup, which the kernel checks every device open against; what
 * {@code devices.allow} and {@code devices.deny} are on v1. Open for a batch of changes, then
 * closed: the rules stay in force after close.
 */
public interface DeviceFilter extends AutoCloseable {
    /** Adds {@code rule}'s access (to what the node already had). */
    void allow(DeviceRule rule) throws IOException;

    /** Takes {@code rule}'s access away from its node; nothing when it had none. */
    void deny(DeviceRule rule) throws IOException;

    @Override
    void close();
}
