package org.virtd.it.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtd.it.bench.HostileLoad;
import org.virtd.it.harness.DaemonExtension;
import org.virtd.it.harness.VirtqemudProcess;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9's fairness, a smaller run of {@code tests/bench/hostile-load.sh} against the real
 * virtqemud: ten clients each pipeline 10,000 getCapabilities calls and never read, while four
 * normal clients loop on getLibVersion and listAllDomains. The normal clients see no error, a
 * p99 under 50 ms and at least half the rate they had alone; the daemon grows by less than
 * 64 MB and logs no OutOfMemoryError.
 */
class HostileClientsIT {
    private static final int HOSTILE = 10;
    private static final int CALLS = 10_000;
    private static final double SECONDS = 5;

    @RegisterExtension
    static final DaemonExtension DAEMON = new DaemonExtension();

    @Test
    void clientsThatNeverReadDoNotStarveTheOthers() throws Exception {
        VirtqemudProcess daemon = DAEMON.daemon();
        HostileLoad.Figures f = HostileLoad.measure(daemon.socket(), daemon.pid(), HOSTILE, CALLS, SECONDS);
        assertEquals(List.of(), f.shortfalls(), f.summary());
        assertTrue(daemon.process().isAlive(), "the daemon died: " + f.summary());
        assertFalse(daemon.log().contains("OutOfMemoryError"), daemon.log());
    }
}
