package org.virtd.conf.secondary;

import org.junit.jupiter.api.Test;
import org.virtd.core.driver.CallContext;
import org.virtd.core.driver.ClientIdentity;
import org.virtd.core.driver.ClientLink;
import org.virtd.core.driver.DriverConnection;
import org.virtd.core.driver.EventSink;
import org.virtd.core.driver.Handler;
import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.ObjectEventArgs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Lookups answer libvirtd's "not found" errors; event callbacks register and deregister once per client. */
class SecondaryObjectHandlersTest {
    private final Map<Procedure<?, ?>, Handler<?, ?>> bound = new HashMap<>();
    private final AtomicInteger ids = new AtomicInteger(5);
    private final List<Runnable> onClose = new ArrayList<>();
    private final ClientLink link = new ClientLink() {
        @Override
        public int newCallbackId() {
            return ids.getAndIncrement();
        }

        @Override
        public <M> void message(Procedure<M, Void> message, M body) {
        }

        @Override
        public boolean closed() {
            return false;
        }

        @Override
        public void onClose(Runnable action) {
            onClose.add(action);
        }
    };
    private final CallContext call = new CallContext() {
        @Override
        public ClientIdentity identity() {
            return null;
        }

        @Override
        public boolean readOnly() {
            return false;
        }

        @Override
        public DriverConnection connection() {
            return null;
        }

        @Override
        public EventSink events() {
            return null;
        }

        @Override
        public ClientLink client() {
            return link;
        }
    };

    SecondaryObjectHandlersTest() {
        SecondaryDriverHandlers.bindAll(new HandlerTable() {
            @Override
            public <A, R> void on(Procedure<A, R> p, Handler<A, R> h) {
                assertNull(bound.put(p, h), "bound twice: " + p);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <A, R> R call(Procedure<A, R> p, A args) throws VirtException {
        return ((Handler<A, R>) bound.get(p)).handle(call, args);
    }

    @Test
    void volumeByPathIsNotFoundSoVirtInstallSeesAnUnmanagedPath() {
        VirtException e = assertThrows(VirtException.class,
                () -> call(RemoteProgram.STORAGE_VOL_LOOKUP_BY_PATH, "/var/lib/x.qcow2"));
        assertEquals(ErrorCode.NO_STORAGE_VOL, e.code());
        assertEquals(ErrorDomain.STORAGE, e.error().domain());
        assertEquals("Storage volume not found: no storage vol with matching path '/var/lib/x.qcow2'", e.getMessage());
    }

    @Test
    void lookupsByUuidPrintTheUuid() {
        byte[] uuid = new byte[16];
        uuid[15] = 1;
        VirtException e = assertThrows(VirtException.class, () -> call(RemoteProgram.SECRET_LOOKUP_BY_UUID, uuid));
        assertEquals("Secret not found: no secret with matching uuid '00000000-0000-0000-0000-000000000001'",
                e.getMessage());
    }

    @Test
    void callbacksRegisterOnceAndDeregisterOnce() throws Exception {
        int net = call(RemoteProgram.CONNECT_NETWORK_EVENT_REGISTER_ANY, new ObjectEventArgs<>(0, null));
        int pool = call(RemoteProgram.CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY, new ObjectEventArgs<>(1, null));
        assertNotEquals(net, pool);
        VirtException wrongKind = assertThrows(VirtException.class,
                () -> call(RemoteProgram.CONNECT_SECRET_EVENT_DEREGISTER_ANY, net));
        assertEquals("internal error: secret event callback " + net + " not registered", wrongKind.getMessage());
        call(RemoteProgram.CONNECT_NETWORK_EVENT_DEREGISTER_ANY, net);
        assertThrows(VirtException.class, () -> call(RemoteProgram.CONNECT_NETWORK_EVENT_DEREGISTER_ANY, net));
        onClose.forEach(Runnable::run);
        assertThrows(VirtException.class, () -> call(RemoteProgram.CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY, pool));
    }

    @Test
    void eventIdsBeyondLibvirts90AreRefused() {
        VirtException e = assertThrows(VirtException.class,
                () -> call(RemoteProgram.CONNECT_NETWORK_EVENT_REGISTER_ANY, new ObjectEventArgs<>(1, null)));
        assertEquals("internal error: unsupported network event ID 1", e.getMessage());
        assertEquals(ErrorDomain.RPC, e.error().domain());
    }
}
