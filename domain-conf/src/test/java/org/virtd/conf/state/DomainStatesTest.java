package org.virtd.conf.state;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DomainStatesTest {

    @Test
    void statusFileNamesRoundTrip() {
        for (int state = 0; state <= 7; state++) {
            String name = DomainStates.stateName(state);
            assertEquals(state, DomainStates.stateOf(name));
            for (int reason = 0; reason < 14; reason++) {
                String r = DomainStates.reasonName(state, reason);
                if (!r.equals("unknown")) {
                    assertEquals(reason, DomainStates.reasonOf(state, r), name + "/" + r);
                }
            }
        }
        assertEquals("booted", DomainStates.reasonName(DomainStates.RUNNING, DomainStates.RUNNING_BOOTED));
        assertEquals("crashed", DomainStates.reasonName(DomainStates.SHUTOFF, DomainStates.SHUTOFF_CRASHED));
        assertEquals("starting up", DomainStates.reasonName(DomainStates.PAUSED, DomainStates.PAUSED_STARTING_UP));
        assertEquals(0, DomainStates.stateOf("bogus"));
    }
}
