package org.virtd.qemu.cgroup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One way of laying out cgroups, as libvirt's backends: {@link CgroupV1} (a mount per controller)
 * or {@link CgroupV2} (one unified tree). A host may have both; {@link CgroupHost} decides which
 * one owns each controller, and a guest's cgroup then lives in the hierarchies of its owners.
 */
public sealed interface CgroupBackend permits CgroupV1, CgroupV2 {
    /** Whether this is the unified (v2) layout, whose files a controller's tuning then uses. */
    boolean unified();

    /** The directory of {@code controller}'s group {@code path} (relative, no leading slash). */
    Path dir(String controller, String path);

    /**
     * Makes group {@code path} for {@code controllers} (all owned by this backend), the
     * partition above it included; {@code thread} marks a per-thread sub-group.
     */
    void create(String path, List<String> controllers, boolean thread) throws IOException;

    /** The file a single thread (not its process) is written into to move it. */
    String threadsFile();
}
