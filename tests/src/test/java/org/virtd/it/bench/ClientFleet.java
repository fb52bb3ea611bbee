package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared engine of the load tools: N clients, each on its own opened connection, start
 * together and repeat one operation until the window closes; every operation's latency is kept.
 */
final class ClientFleet {
    private static final int MAX_SAMPLES_PER_CLIENT = 1 << 20;

    private ClientFleet() {
    }

    /** One operation of one client; {@code iteration} counts up from the run's base. */
    @FunctionalInterface
    interface Op {
        void run(WireClient c, int client, int iteration) throws Exception;
    }

    /** What a run achieved: operations per second and the latency percentiles in microseconds. */
    public record Result(double perSecond, double p50Micros, double p99Micros) {
    }

    static Result run(Path socket, String uri, int clients, double seconds, int iterationBase, Op op)
            throws Exception {
        long[][] samples = new long[clients][MAX_SAMPLES_PER_CLIENT];
        int[] counts = new int[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread th = new Thread(() -> {
                try (WireClient c = WireClient.connect(socket).open(uri, 0)) {
                    ready.countDown();
                    go.await();
                    int iteration = iterationBase;
                    long start;
                    while ((start = System.nanoTime()) < window[1]) {
                        op.run(c, client, iteration++);
                        if (counts[client] < MAX_SAMPLES_PER_CLIENT) {
                            samples[client][counts[client]++] = System.nanoTime() - start;
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    ready.countDown();
                }
            });
            th.start();
            threads.add(th);
        }
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("clients did not connect within 60 s");
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        go.countDown();
        long end = System.nanoTime() + (long) (seconds * 1e9) + TimeUnit.SECONDS.toNanos(60);
        for (Thread th : threads) {
            th.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            if (th.isAlive()) {
                throw new IllegalStateException("a client did not finish within the run plus 60 s");
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(samples[i], 0, all, k, counts[i]);
            k += counts[i];
        }
        Arrays.sort(all);
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        return new Result(total / elapsed, pct(all, 0.50) / 1000.0, pct(all, 0.99) / 1000.0);
    }

    private static long pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
    }
}
