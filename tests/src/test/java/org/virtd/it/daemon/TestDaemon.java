package org.virtd.it.daemon;

import org.virtd.core.daemon.DaemonIdentity;
import org.virtd.core.daemon.DaemonMain;
import org.virtd.core.daemon.PlaceholderDriver;
import org.virtd.core.server.MainServer;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Path;

/**
 * virttestd, the daemon the daemon-life tests run: the shared daemon core (command line, config,
 * logging, PID file, sockets, activation, admin server, idle timeout) with a driver that accepts
 * no URI, so those tests depend on no real driver. Started like the real daemons, by a launcher
 * ({@code tests/src/test/launcher/virttestd}) that runs the shared launcher body with the tests'
 * class path.
 */
public final class TestDaemon {
    /** Its name: PID file, config file, socket prefix, activation names and main server. */
    public static final String NAME = "virttestd";
    public static final DaemonIdentity IDENTITY = new DaemonIdentity(NAME, NAME, false);

    private TestDaemon() {
    }

    public static void main(String[] args) {
        DaemonMain.run(IDENTITY, MainServer.driver(() -> new PlaceholderDriver("TEST")), args);
    }

    /** The launcher script. */
    static Path launcher() {
        return VirtqemudProcess.repo().resolve("tests/src/test/launcher").resolve(NAME);
    }

    /** The class path the launcher reads, written by the build (tests/pom.xml, build-classpath). */
    static Path classPathFile() {
        return VirtqemudProcess.repo().resolve("tests/target/test-daemon.classpath");
    }
}
