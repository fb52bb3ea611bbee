package org.virtd.it.harness;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real virtqemud for a whole test class, in its own temporary {@code VIRTD_PREFIX}:
 * {@code @RegisterExtension static final DaemonExtension DAEMON = new DaemonExtension();}.
 * Stopped (SIGTERM, then SIGKILL after a bound) and its prefix removed after the class.
 */
public final class DaemonExtension implements BeforeAllCallback, AfterAllCallback {
    private Path prefix;
    private VirtqemudProcess daemon;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        prefix = Files.createTempDirectory("virtd-it-");
        daemon = VirtqemudProcess.start(prefix);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (daemon != null) {
            daemon.close();
        }
        if (prefix != null) {
            try (Stream<Path> all = Files.walk(prefix)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public VirtqemudProcess daemon() {
        return daemon;
    }

    public Path prefix() {
        return prefix;
    }
}
