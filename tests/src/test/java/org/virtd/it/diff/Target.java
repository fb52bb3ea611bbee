package org.virtd.it.diff;

import java.nio.file.Path;

/**
 * One daemon under comparison: its name in reports, the URI clients use, the root of the work
 * directories its scenario files write into, and the path prefix its own files live under
 * ({@code VIRTD_PREFIX} for ours, empty for libvirtd, whose paths are already the real ones);
 * {@code stateDir} is where its {@code /var/lib/libvirt} really is (the anchor bind-mounts its
 * own over that path in a namespace steps are not in), for steps that look at its files.
 */
record Target(String name, String uri, Path workRoot, String pathPrefix, Path stateDir) {

    Target(String name, String uri, Path workRoot, String pathPrefix) {
        this(name, uri, workRoot, pathPrefix, Path.of(pathPrefix.isEmpty() ? "/" : pathPrefix)
                .resolve("var/lib/libvirt"));
    }

    Path work(ScenarioFile file) {
        return workRoot.resolve(file.name());
    }
}
