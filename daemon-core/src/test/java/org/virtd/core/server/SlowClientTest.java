package org.virtd.core.server;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.testing.FakeDriver;
import org.virtd.core.testing.InProcessDaemon;
import org.virtd.core.testing.WireClient;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.remote.RemoteProgram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that pipelines many calls and reads none of the replies is no longer read once its
 * send queue is full: the daemon runs a bounded number of its calls, keeps serving another
 * client meanwhile, and when the slow client finally reads it gets every reply (in completion
 * order, as from libvirtd: up to max_client_requests of a client's calls run at once).
 */
class SlowClientTest {
    private static final int CALLS = 20_000;
    private static final String BIG = "x".repeat(8 * 1024);

    @TempDir
    Path dir;

    @Test
    void aClientThatDoesNotReadIsNotServedWithoutBound() throws Exception {
        AtomicInteger executed = new AtomicInteger();
        FakeDriver driver = new FakeDriver(t -> t.on(RemoteProgram.CONNECT_GET_CAPABILITIES, (c, a) -> {
            executed.incrementAndGet();
            return BIG;
        }));
        try (InProcessDaemon d = new InProcessDaemon(dir, driver);
             WireClient slow = WireClient.connect(d.rw).open("fake:///system", 0);
             WireClient other = WireClient.connect(d.rw).open("fake:///system", 0)) {
            Thread pusher = new Thread(() -> push(slow));
            pusher.setDaemon(true);
            pusher.start();
            waitUntilSteady(executed);
            int served = executed.get();
            assertTrue(served < 500, "a client that reads nothing had " + served + " calls run");
            for (int i = 0; i < 100; i++) {
                assertEquals("fakehost", other.call(RemoteProgram.CONNECT_GET_HOSTNAME, null));
            }
            BitSet answered = new BitSet();
            for (int i = 0; i < CALLS; i++) {
                Header h = Header.decode(Unpooled.wrappedBuffer(slow.readPacket()));
                assertEquals(MessageStatus.OK.wire, h.status());
                answered.set(h.serial());
            }
            assertEquals(CALLS, answered.cardinality());
            assertEquals(CALLS, answered.nextClearBit(1) - 1, "every serial answered once");
            pusher.join(TimeUnit.SECONDS.toMillis(10));
            assertEquals(CALLS, executed.get());
        }
    }

    private static void push(WireClient c) {
        ByteBuffer buf = ByteBuffer.allocate(CALLS * 28);
        for (int serial = 1; serial <= CALLS; serial++) {
            buf.putInt(28).putInt(RemoteProgram.PROGRAM.id()).putInt(RemoteProgram.PROGRAM.version())
                    .putInt(RemoteProgram.CONNECT_GET_CAPABILITIES.number()).putInt(0).putInt(serial).putInt(0);
        }
        try {
            c.writeRaw(buf.flip());
        } catch (IOException e) {
            // the test closes the client
        }
    }

    /** Waits until the count stops moving for 300 ms (at most 10 s). */
    private static void waitUntilSteady(AtomicInteger count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int last = -1;
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            int now = count.get();
            if (now == last) {
                return;
            }
            last = now;
        }
    }
}
