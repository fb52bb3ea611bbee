package org.virtd.it.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the daemon-life tests (run on {@link TestDaemon}) leave to virtvboxd's own launcher: that
 * bin/virtvboxd finds its jars and runs the shared daemon core. Its driver is tested on its own.
 */
class VirtvboxdLauncherIT {
    @TempDir
    Path prefix;

    @Test
    void launcherRunsTheDaemon() throws Exception {
        DaemonRun.requireBuiltLauncher("virtvboxd");
        try (DaemonRun run = new DaemonRun(prefix, "virtvboxd")) {
            DaemonRun.Result version = run.launch("--version");
            assertEquals(0, version.status(), version.output());
            assertEquals(run.launcher() + " (libvirt) 9.0.0\n", version.output());
        }
    }
}
