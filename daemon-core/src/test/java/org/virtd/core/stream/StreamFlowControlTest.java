package org.virtd.core.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.driver.StreamChannel;
import org.virtd.core.testing.FakeDriver;
import org.virtd.core.testing.InProcessDaemon;
import org.virtd.core.testing.WireClient;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.OpenConsoleArgs;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream producer is held back while its client does not read (a console whose viewer is
 * stuck), instead of the daemon queueing everything it produces; once the client reads again,
 * every byte arrives, in order.
 */
class StreamFlowControlTest {
    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 256; // 16 MiB: far beyond socket buffers and the high-water mark

    @Test
    @Timeout(60)
    void producerWaitsForASlowClient(@TempDir Path dir) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        FakeDriver driver = new FakeDriver(table -> table.on(RemoteProgram.DOMAIN_OPEN_CONSOLE, (c, a) -> {
            StreamChannel stream = c.stream();
            Thread producer = new Thread(() -> produce(stream, sent, done), "producer");
            producer.setDaemon(true);
            producer.start();
            return null;
        }));
        try (InProcessDaemon d = new InProcessDaemon(dir, driver); WireClient c = WireClient.connect(d.rw)) {
            c.open("fake:///system", 0);
            c.call(RemoteProgram.DOMAIN_OPEN_CONSOLE,
                    new OpenConsoleArgs(new DomainRef("g", new byte[16], -1), null, 0));

            // the client does not read: the producer must stall far short of the total
            int before = -1;
            for (int i = 0; i < 50 && sent.get() != before; i++) {
                before = sent.get();
                Thread.sleep(100);
            }
            int stalledAt = sent.get();
            assertTrue(stalledAt < CHUNKS / 4, "producer kept going with nobody reading: " + stalledAt + " chunks");

            // reading again releases it; every byte arrives in order, then EOF (an empty CONTINUE)
            long received = 0;
            byte expected = 0;
            while (true) {
                ByteBuffer packet = c.readPacket();
                Header h = Header.decode(Unpooled.wrappedBuffer(packet));
                assertEquals(MessageType.STREAM, h.messageType());
                assertEquals(MessageStatus.CONTINUE, h.messageStatus());
                packet.position(org.virtd.rpc.message.Limits.HEADER_SIZE);
                if (!packet.hasRemaining()) {
                    break;
                }
                while (packet.hasRemaining()) {
                    assertEquals(expected++, packet.get(), "byte " + received);
                    received++;
                }
            }
            assertEquals((long) CHUNK * CHUNKS, received);
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
    }

    private static void produce(StreamChannel stream, AtomicInteger sent, CountDownLatch done) {
        byte next = 0;
        for (int i = 0; i < CHUNKS; i++) {
            byte[] chunk = new byte[CHUNK];
            for (int j = 0; j < CHUNK; j++) {
                chunk[j] = next++;
            }
            if (!stream.send(ByteBuffer.wrap(chunk))) {
                return;
            }
            sent.incrementAndGet();
        }
        stream.finish(null);
        done.countDown();
    }
}
