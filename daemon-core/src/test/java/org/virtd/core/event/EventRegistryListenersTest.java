package org.virtd.core.event;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.virtd.core.peer.Outbound;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Observers hear of the first callback and of the last one going, from any way of registering. */
class EventRegistryListenersTest {

    private static final class Client implements Outbound {
        @Override
        public <T> void send(Header header, XdrCodec<T> codec, T body) {
        }

        @Override
        public void sendError(Header header, RemoteError error) {
        }

        @Override
        public void write(ByteBuf packet) {
        }

        @Override
        public ByteBufAllocator alloc() {
            return ByteBufAllocator.DEFAULT;
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public void close() {
        }

        @Override
        public ScheduledExecutorService executor() {
            return null;
        }
    }

    @Test
    void firstAndLastCallbackAreAnnouncedOnce() throws Exception {
        EventRegistry registry = new EventRegistry(24);
        List<Boolean> heard = new ArrayList<>();
        registry.observeListeners(heard::add);
        Client a = new Client();
        Client b = new Client();
        int first = registry.register(a, 0, null);
        registry.registerLegacy(b, 0);
        registry.register(b, 1, null);
        assertEquals(List.of(true), heard);
        registry.deregister(a, first);
        registry.deregisterLegacy(b, 0);
        assertEquals(List.of(true), heard);
        registry.forget(b);
        assertEquals(List.of(true, false), heard);
        registry.forget(b);
        registry.register(a, 0, null);
        assertEquals(List.of(true, false, true), heard);
    }
}
