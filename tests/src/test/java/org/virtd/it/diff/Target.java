package org.virtd.it.diff;

import java.nio.file.Path;

/**
 * One daemon under comparison: its name in reports, the URI clients use, the root of the work
 * directories its scenario files write into, and the path prefix its own files live under
 * ({@code VIRTD_PREFIX} for ours, empty for libvirtd, whose paths are already the real ones).
 */
record Target(String name, String uri, Path workRoot, String pathPrefix) {

    Path work(ScenarioFile file) {
        return workRoot.resolve(file.name());
    }
}
