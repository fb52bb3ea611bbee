package org.virtd.qemu.hostnet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InterfaceCountersTest {
    private static final String PROC = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo:     100       2    0    0    0     0          0         0      100       2    0    0    0     0       0          0
             vnet0:     180       3    1    3    0     0          0         0     9090     120    2  118    0     0       0          0
            """;

    @Test
    void aTapsCountersAreTheGuestsViewSwapped() {
        assertEquals(new InterfaceCounters(9090, 120, 2, 118, 180, 3, 1, 3),
                InterfaceCounters.parse(PROC, "vnet0", true));
    }

    @Test
    void otherDevicesKeepTheHostsView() {
        assertEquals(new InterfaceCounters(100, 2, 0, 0, 100, 2, 0, 0), InterfaceCounters.parse(PROC, "lo", false));
    }

    @Test
    void aMissingDeviceHasNoCounters() {
        assertNull(InterfaceCounters.parse(PROC, "vnet", true));
    }
}
