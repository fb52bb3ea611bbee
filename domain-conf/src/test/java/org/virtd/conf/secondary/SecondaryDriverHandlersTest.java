package org.virtd.conf.secondary;

import org.junit.jupiter.api.Test;
import org.virtd.core.driver.Handler;
import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.ObjectList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every secondary listing a hypervisor daemon answers is empty, and each is bound once. */
class SecondaryDriverHandlersTest {

    @Test
    void everyListingIsEmpty() throws Exception {
        Map<Procedure<?, ?>, Handler<?, ?>> bound = new LinkedHashMap<>();
        new SecondaryDriverHandlers().bind(new HandlerTable() {
            @Override
            public <A, R> void on(Procedure<A, R> p, Handler<A, R> h) {
                assertEquals(null, bound.put(p, h), "bound twice: " + p);
            }
        });
        assertEquals(25, bound.size());
        for (var e : bound.entrySet()) {
            @SuppressWarnings("unchecked")
            Handler<Object, Object> h = (Handler<Object, Object>) e.getValue();
            Object answer = h.handle(null, null);
            assertTrue(answer.equals(0) || answer.equals(List.of()) || answer.equals(ObjectList.empty()),
                    e.getKey() + " answered " + answer);
        }
        assertTrue(bound.containsKey(RemoteProgram.CONNECT_LIST_ALL_NETWORKS));
        assertTrue(bound.containsKey(RemoteProgram.NODE_LIST_DEVICES));
    }
}
