package org.virtd.rpc.remote;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.program.ProcedureKind;
import org.virtd.rpc.remote.types.DomainEventKind;
import org.virtd.rpc.remote.types.LifecycleEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class DomainEventsTest {

    @Test
    void everyEventIdHasAKindWithItsCallbackMessage() {
        for (int id = 0; id < DomainEvents.LAST; id++) {
            DomainEventKind<?> k = DomainEvents.kind(id);
            assertNotNull(k, "event " + id);
            assertEquals(id, k.eventId());
            assertEquals(ProcedureKind.MESSAGE, k.callbackMessage().kind());
            assertSame(k.callbackMessage(), RemoteProgram.PROGRAM.procedure(k.callbackMessage().number()));
        }
        assertNull(DomainEvents.kind(27));
        assertNull(DomainEvents.kind(-1));
    }

    @Test
    void eventNumbersMatchProceduresMd() {
        int[] expected = {318, 319, 320, 321, 322, 323, 324, 325, 326, 327, 328, 329, 330, 331, 332, 333,
                339, 346, 348, 354, 359, 363, 367, 379, 385, 423, 438};
        for (int id = 0; id < expected.length; id++) {
            assertEquals(expected[id], DomainEvents.kind(id).callbackMessage().number(), "event " + id);
        }
        assertEquals(107, DomainEvents.LIFECYCLE.legacyMessage().number());
        assertEquals(311, DomainEvents.DEVICE_REMOVED.legacyMessage().number());
        assertNull(DomainEvents.DEVICE_ADDED.legacyMessage());
    }

    @Test
    void bodyKnowsItsKind() {
        LifecycleEvent e = new LifecycleEvent(null, 0, 0);
        assertSame(DomainEvents.LIFECYCLE, e.kind());
    }
}
