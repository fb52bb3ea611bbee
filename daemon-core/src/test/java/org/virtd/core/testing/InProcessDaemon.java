package org.virtd.core.testing;

import org.virtd.core.admin.AdminHooks;
import org.virtd.core.driver.Driver;
import org.virtd.core.assembly.RpcDaemon;
import org.virtd.core.config.ServerSettings;
import org.virtd.core.server.MainServer;
import org.virtd.core.transport.ListenerSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** An RpcDaemon with rw, ro and admin sockets in a temporary directory, for tests in one JVM. */
public final class InProcessDaemon implements AutoCloseable {
    public final RpcDaemon daemon;
    public final Path rw;
    public final Path ro;
    public final Path admin;

    public InProcessDaemon(Path dir, Driver driver, ServerSettings main) throws IOException {
        daemon = new RpcDaemon("virtfaked", main, ServerSettings.ADMIN_DEFAULTS,
                MainServer.driver(() -> driver).create(), AdminHooks.NONE);
        rw = dir.resolve("sock");
        ro = dir.resolve("sock-ro");
        admin = dir.resolve("admin-sock");
        daemon.listen(ListenerSpec.unix(ListenerSpec.Role.RW, rw, 0700, -1));
        daemon.listen(ListenerSpec.unix(ListenerSpec.Role.RO, ro, 0777, -1));
        daemon.listen(ListenerSpec.unix(ListenerSpec.Role.ADMIN, admin, 0700, -1));
        daemon.start();
    }

    public InProcessDaemon(Path dir, Driver driver) throws IOException {
        this(dir, driver, ServerSettings.MAIN_DEFAULTS);
    }

    @Override
    public void close() {
        daemon.shutdown(Duration.ofSeconds(2));
    }
}
