package org.virtd.it.proxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.bench.HostileLoad;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Path;
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
        String figures = String.format("alone %.0f/s, attacked %.0f/s, p99 %.2f ms, errors %d, proxy RSS %d KiB + %d KiB",
                f.alone().perSecond(), f.attacked().perSecond(), f.attacked().p99Micros() / 1000, f.errors(),
                f.idleRssKiB(), f.rssGrowthKiB());
        assertEquals(0, f.errors(), figures);
        assertTrue(f.attacked().p99Micros() < 50_000, figures);
        assertTrue(f.rateRatio() >= 0.5, figures);
        assertTrue(f.rssGrowthKiB() < 64 * 1024, figures);
        assertTrue(proxy.process().isAlive() && qemud.process().isAlive(), figures);
        assertFalse(proxy.log().contains("OutOfMemoryError"), proxy.log());
    }
}
