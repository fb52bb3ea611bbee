package org.virtd.core.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.testing.FakeDriver;
import org.virtd.core.testing.InProcessDaemon;
import org.virtd.core.testing.WireClient;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.message.Packets;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.NeedResultsArgs;
import org.virtd.rpc.remote.types.OpenArgs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At least 100,000 random and mutated frames over many connections: truncated, oversized, zero
 * and four-byte lengths, wrong program/version/type/status, garbage bodies. The daemon must stay
 * up, answer a normal client within a second afterwards, and hold no sessions or extra threads.
 */
class HostileFramesTest {
    private static final int FRAMES = 100_000;
    private static final int SENDERS = 8;

    @TempDir
    Path dir;

    @Test
    void survivesHostileTraffic() throws Exception {
        try (InProcessDaemon d = new InProcessDaemon(dir, new FakeDriver())) {
            warmUp(d);
            int threadsBefore = Thread.activeCount();
            AtomicInteger sent = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
            List<Future<?>> jobs = new java.util.ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                long seed = 1000 + t;
                jobs.add(pool.submit(() -> {
                    Random rnd = new Random(seed);
                    while (sent.get() < FRAMES) {
                        sent.addAndGet(oneConnection(d.rw, rnd));
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get(240, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            assertTrue(sent.get() >= FRAMES);

            long t0 = System.nanoTime();
            try (WireClient c = WireClient.connect(d.rw)) {
                c.open("fake:///system", 0);
                assertEquals(FakeDriver.VERSION, c.call(RemoteProgram.CONNECT_GET_VERSION, null));
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 1000, "normal client took " + ms + " ms after the storm");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (d.daemon.clientCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, d.daemon.clientCount(), "sessions leaked");
            int maxWorkers = d.daemon.mainServer().settings().maxWorkers() + d.daemon.mainServer().settings().prioWorkers();
            assertTrue(Thread.activeCount() <= threadsBefore + maxWorkers,
                    "threads grew from " + threadsBefore + " to " + Thread.activeCount());
        }
    }

    private static void warmUp(InProcessDaemon d) throws Exception {
        try (WireClient c = WireClient.connect(d.rw)) {
            c.open("", 0);
        }
    }

    /** Sends a burst of frames on one connection, drains what comes back; returns frames sent. */
    private static int oneConnection(Path socket, Random rnd) throws IOException {
        int n = 1 + rnd.nextInt(300);
        ByteBuf out = Unpooled.buffer();
        boolean open = rnd.nextBoolean();
        if (open) {
            Packets.encode(out, call(RemoteProgram.CONNECT_OPEN, 0), OpenArgs.CODEC, new OpenArgs("", rnd.nextInt(2)));
        }
        for (int i = 0; i < n; i++) {
            hostileFrame(out, rnd);
        }
        try (WireClient c = WireClient.connect(socket)) {
            try {
                c.writeRaw(out.nioBuffer());
            } catch (java.net.SocketTimeoutException stuck) {
                throw stuck;
            } catch (IOException closedByServer) {
                return n;
            }
            c.channel().shutdownOutput();
            c.drainUntilClosed();
        } finally {
            out.release();
        }
        return n;
    }

    private static Header call(Procedure<?, ?> p, int serial) {
        return Header.of(p.program(), p.version(), p.number(), MessageType.CALL, serial, MessageStatus.OK);
    }

    private static final Procedure<?, ?>[] PROCS = {
        RemoteProgram.CONNECT_GET_VERSION, RemoteProgram.CONNECT_LIST_ALL_DOMAINS, RemoteProgram.DOMAIN_LOOKUP_BY_NAME,
        RemoteProgram.CONNECT_SUPPORTS_FEATURE, RemoteProgram.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
        RemoteProgram.CONNECT_OPEN, RemoteProgram.CONNECT_CLOSE, RemoteProgram.CONNECT_SET_IDENTITY,
    };

    private static void hostileFrame(ByteBuf out, Random rnd) {
        int kind = rnd.nextInt(12);
        switch (kind) {
            case 0 -> out.writeInt(0);
            case 1 -> out.writeInt(4);
            case 2 -> out.writeInt(8 + rnd.nextInt(20));
            case 3 -> out.writeInt(16 * 1024 * 1024 + 5 + rnd.nextInt(1000));
            case 4 -> { // truncated: claims more than the connection will carry
                out.writeInt(28 + 1000 + rnd.nextInt(100000));
                new Header(RemoteProgram.ID, 1, rnd.nextInt(450), 0, rnd.nextInt(), 0).encode(out);
            }
            case 5 -> garbageBody(out, rnd, new Header(rnd.nextInt(), rnd.nextInt(3), rnd.nextInt(), rnd.nextInt(8),
                    rnd.nextInt(), rnd.nextInt(4)));
            case 6 -> garbageBody(out, rnd, new Header(RemoteProgram.ID, 1, rnd.nextInt(460) - 5, rnd.nextInt(8),
                    rnd.nextInt(), rnd.nextInt(3)));
            case 7 -> garbageBody(out, rnd, new Header(RemoteProgram.ID, 1, PROCS[rnd.nextInt(PROCS.length)].number(),
                    0, rnd.nextInt(), 0));
            case 8 -> { // a valid call, then mutate random bytes of its body
                int start = out.writerIndex();
                Packets.encode(out, call(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, rnd.nextInt()), NeedResultsArgs.CODEC,
                        new NeedResultsArgs(1, rnd.nextInt()));
                for (int i = 0; i < 3; i++) {
                    int at = start + 4 + rnd.nextInt(out.writerIndex() - start - 4);
                    out.setByte(at, rnd.nextInt(256));
                }
            }
            case 9 -> garbageBody(out, rnd, new Header(0x6b656570, 1, rnd.nextInt(4), rnd.nextInt(4), 0, 0));
            case 10 -> garbageBody(out, rnd, new Header(RemoteProgram.ID, 1, RemoteProgram.CONNECT_GET_VERSION.number(),
                    MessageType.STREAM.wire, rnd.nextInt(), rnd.nextInt(3)));
            default -> garbageBody(out, rnd, new Header(0x06900690, 1, rnd.nextInt(25), 0, rnd.nextInt(), 0));
        }
    }

    private static void garbageBody(ByteBuf out, Random rnd, Header h) {
        int len = rnd.nextInt(4) == 0 ? rnd.nextInt(2000) : rnd.nextInt(64);
        out.writeInt(28 + len);
        h.encode(out);
        for (int i = 0; i < len; i++) {
            out.writeByte(rnd.nextInt(256));
        }
    }
}
