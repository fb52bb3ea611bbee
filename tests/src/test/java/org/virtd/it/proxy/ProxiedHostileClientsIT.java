package org.virtd.it.proxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.bench.HostileLoad;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-pressure through virtproxyd: ten clients pipeline 10,000 calls each through the proxy and
 * never read, while four normal clients go through it too. The proxy stops reading a client whose
 * daemon side cannot take more and stops reading the daemon while the client cannot, so the
 * normal clients keep their service and the proxy's memory stays bounded.
 */
class ProxiedHostileClientsIT {
    @TempDir
    Path prefix;
    VirtqemudProcess qemud;
    VirtqemudProcess proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (qemud != null) {
            qemud.close();
        }
    }

    @Test
    void clientsThatNeverReadDoNotStarveTheOthersThroughTheProxy() throws Exception {
        qemud = VirtqemudProcess.start(prefix);
        proxy = VirtqemudProcess.start(prefix, "virtproxyd", Map.of());
        HostileLoad.Figures f = HostileLoad.measure(proxy.socket(), proxy.pid(), 10, 10_000, 5);
        assertEquals(List.of(), f.shortfalls(), "through the proxy (its RSS): " + f.summary());
        assertTrue(proxy.process().isAlive() && qemud.process().isAlive(), f.summary());
        assertFalse(proxy.log().contains("OutOfMemoryError"), proxy.log());
    }
}
