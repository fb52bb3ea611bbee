package org.virtd.vbox;

import org.junit.jupiter.api.Test;
import org.virtd.core.testing.DriverFence;
import org.virtd.rpc.testing.PackageCycles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The VirtualBox driver keeps the drivers' fence ({@link DriverFence}) and has no package cycle. */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void driverUsesOnlyTheSpi() throws IOException {
        assertEquals(List.of(), DriverFence.violations(SOURCES));
    }

    @Test
    void noPackageCycles() throws IOException {
        assertEquals(List.of(), PackageCycles.in(SOURCES));
    }
}
