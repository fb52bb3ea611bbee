package org.virtd.core.keepalive;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.virtd.core.keepalive.KeepalivePolicy.Verdict.DEAD;
import static org.virtd.core.keepalive.KeepalivePolicy.Verdict.NOTHING;
import static org.virtd.core.keepalive.KeepalivePolicy.Verdict.PING;

/** libvirtd 9.0's observed timing with 5/5: pings at 5, 10, 15, 20, 25 s of silence, close at 30 s. */
class KeepalivePolicyTest {
    private static final long S = 1_000_000_000L;

    @Test
    void pingsThenGivesUp() {
        KeepalivePolicy p = new KeepalivePolicy(5, 5, 0);
        assertEquals(NOTHING, p.tick(4 * S));
        for (int i = 1; i <= 5; i++) {
            assertEquals(PING, p.tick(5 * i * S), "tick " + i);
        }
        assertEquals(DEAD, p.tick(30 * S));
    }

    @Test
    void trafficResetsTheCount() {
        KeepalivePolicy p = new KeepalivePolicy(5, 2, 0);
        assertEquals(PING, p.tick(5 * S));
        assertEquals(PING, p.tick(10 * S));
        p.received(11 * S);
        assertEquals(NOTHING, p.tick(15 * S));
        assertEquals(PING, p.tick(16 * S));
    }

    @Test
    void negativeIntervalNeverPings() {
        KeepalivePolicy p = new KeepalivePolicy(-1, 5, 0);
        assertFalse(p.enabled());
        assertEquals(NOTHING, p.tick(1000 * S));
    }
}
