package org.virtd.qemu.cgroup;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where v2 device filters come from: the kernel's BPF device programs
 * ({@link KernelDeviceFilters}), or a stand-in for tests on a fake cgroup tree.
 */
public interface DeviceFilters {
    /** Whether device filters work on the cgroup2 hierarchy at {@code root}. */
    boolean available(Path root);

    /** Puts a new filter on the cgroup {@code dir}, allowing nothing yet. */
    DeviceFilter attach(Path dir) throws IOException;

    /** The filter an earlier {@link #attach} (maybe by an earlier daemon) put on {@code dir}; null if none. */
    DeviceFilter find(Path dir) throws IOException;
}
