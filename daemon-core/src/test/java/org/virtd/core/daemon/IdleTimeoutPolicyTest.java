package org.virtd.core.daemon;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleTimeoutPolicyTest {
    private static final long S = 1_000_000_000L;
    private long now;

    @Test
    void expiresAfterThePeriodWithoutClients() {
        IdleTimeoutPolicy p = new IdleTimeoutPolicy(3, () -> now);
        now = 2 * S;
        assertFalse(p.expired());
        now = 3 * S;
        assertTrue(p.expired());
    }

    @Test
    void clientsStopTheClockAndTheLastOneLeavingRearmsIt() {
        IdleTimeoutPolicy p = new IdleTimeoutPolicy(3, () -> now);
        now = 1 * S;
        p.clientsChanged(1);
        now = 7 * S;
        assertEquals(OptionalLong.empty(), p.nanosLeft());
        assertFalse(p.expired());
        p.clientsChanged(0);
        now = 9 * S;
        assertFalse(p.expired());
        now = 10 * S;
        assertTrue(p.expired());
    }

    @Test
    void inhibitionsHoldItAndZeroDisables() {
        IdleTimeoutPolicy p = new IdleTimeoutPolicy(1, () -> now);
        p.inhibit();
        p.inhibit();
        now = 5 * S;
        p.release();
        assertFalse(p.expired());
        p.release();
        assertEquals(OptionalLong.of(S), p.nanosLeft());
        p.setTimeout(0);
        now = 100 * S;
        assertFalse(p.expired());
        p.setTimeout(2);
        now = 101 * S;
        assertEquals(OptionalLong.of(S), p.nanosLeft());
    }
}
