package org.virtd.rpc.remote;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.ProcedureKind;
import org.virtd.rpc.remote.types.DomainEventKind;
import org.virtd.rpc.remote.types.LifecycleEvent;
import org.virtd.rpc.remote.types.PmWakeupEvent;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainEventsTest {

    @Test
    void everyEventIdHasAKindWithItsCallbackMessage() {
        assertEquals(27, DomainEvents.LAST);
        for (int id = 0; id < DomainEvents.LAST; id++) {
            DomainEventKind<?> k = DomainEvents.kind(id);
            assertNotNull(k, "event " + id);
            assertEquals(id, k.eventId());
            assertEquals(ProcedureKind.MESSAGE, k.callbackMessage().kind());
            assertSame(k.callbackMessage(), RemoteProgram.PROGRAM.procedure(k.callbackMessage().number()));
            if (k.legacyMessage() != null) {
                assertSame(k.legacyMessage(), RemoteProgram.PROGRAM.procedure(k.legacyMessage().number()));
            }
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
        assertEquals(107, DomainEventKind.LIFECYCLE.legacyMessage().number());
        assertEquals(311, DomainEventKind.DEVICE_REMOVED.legacyMessage().number());
        assertNull(DomainEventKind.DEVICE_ADDED.legacyMessage());
    }

    @Test
    void everyEventMessageOfTheTableBelongsToOneKind() {
        Set<Procedure<?, ?>> declared = new HashSet<>(DomainEventKind.messages());
        for (Procedure<?, ?> p : RemoteProgram.PROGRAM.procedures()) {
            if (p.kind() == ProcedureKind.MESSAGE && p.name().startsWith("DOMAIN_EVENT_")) {
                assertTrue(declared.remove(p), p + " is not declared by a DomainEventKind");
            }
        }
        assertEquals(Set.of(), declared);
    }

    @Test
    void bodyKnowsItsKind() {
        assertSame(DomainEventKind.LIFECYCLE, new LifecycleEvent(null, 0, 0).kind());
        assertSame(DomainEventKind.PMWAKEUP, new PmWakeupEvent(0, null).kind());
        for (DomainEventKind<?> k : DomainEventKind.all()) {
            assertSame(k, instance(k.body()).kind(), k.toString());
        }
    }

    /** A body with every component at its default, enough to ask for its kind. */
    private static org.virtd.rpc.remote.types.DomainEventBody instance(Class<?> body) {
        try {
            RecordComponent[] rc = body.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            Object[] values = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                values[i] = types[i] == int.class ? 0 : types[i] == long.class ? 0L
                        : types[i] == boolean.class ? false : types[i] == double.class ? 0.0 : null;
            }
            return (org.virtd.rpc.remote.types.DomainEventBody) body.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(body.getName(), e);
        }
    }
}
