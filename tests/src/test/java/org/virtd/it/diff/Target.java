package org.virtd.it.diff;

import java.nio.file.Path;

/**
 * One daemon under comparison: its name in reports, the URI clients use, the root of the work
 * directories its scenario files write into, and the path prefix its own files live under
 * ({@code VIRTD_PREFIX} for ours, empty for libvirtd, whose paths are already the real ones);
 * {@code stateDir} is where its {@code /var/lib/libvirt} really is (the anchor bind-mounts its
 * own over that path in a namespace steps are not in), for steps that look at its files;
 * {@code restart} kills the daemon with SIGKILL and starts it again (null: it cannot).
 */
record Target(String name, String uri, Path workRoot, String pathPrefix, Path stateDir, Restart restart) {

    /** A daemon's SIGKILL and new start on the same state, for a scenario's {@code restart:}. */
    interface Restart {
        void run() throws Exception;
    }

    Target(String name, String uri, Path workRoot, String pathPrefix, Path stateDir) {
        this(name, uri, workRoot, pathPrefix, stateDir, null);
    }

    Target(String name, String uri, Path workRoot, String pathPrefix) {
        this(name, uri, workRoot, pathPrefix, Path.of(pathPrefix.isEmpty() ? "/" : pathPrefix)
                .resolve("var/lib/libvirt"));
    }

    Target withRestart(Restart r) {
        return new Target(name, uri, workRoot, pathPrefix, stateDir, r);
    }

    Path work(ScenarioFile file) {
        return workRoot.resolve(file.name());
    }
}
