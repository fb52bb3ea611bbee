package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.NeedResultsArgs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A load tool (not a test): hammers one or two daemons with getLibVersion and listAllDomains
 * from 1 and 8 concurrent clients, each on its own connection, and prints calls/s and p50/p99
 * latency side by side, with our/theirs ratios. Usage:
 *
 * <pre>RpcLoad SECONDS NAME=SOCKET[,URI] [NAME=SOCKET[,URI]]</pre>
 *
 * {@code tests/bench/rpc-load.sh} starts virtqemud and, when installed, a private libvirtd, and
 * calls this with both.
 */
public final class RpcLoad {

    record Result(double callsPerSecond, double p50Micros, double p99Micros) {
    }

    record Target(String name, Path socket, String uri) {
        static Target parse(String s) {
            String[] nv = s.split("=", 2);
            String[] su = nv[1].split(",", 2);
            return new Target(nv[0], Path.of(su[0]), su.length > 1 ? su[1] : "qemu:///system");
        }
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        List<Target> targets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            targets.add(Target.parse(args[i]));
        }
        List<Procedure<?, ?>> procs = List.of(RemoteProgram.CONNECT_GET_LIB_VERSION, RemoteProgram.CONNECT_LIST_ALL_DOMAINS);
        System.out.printf("%-26s %-8s %14s %12s %12s%n", "call", "target", "calls/s", "p50 us", "p99 us");
        for (Procedure<?, ?> proc : procs) {
            for (int clients : new int[]{1, 8}) {
                List<Result> results = new ArrayList<>();
                for (Target t : targets) {
                    run(t, proc, clients, seconds / 4); // warm-up
                    Result r = run(t, proc, clients, seconds);
                    results.add(r);
                    System.out.printf(Locale.ROOT, "%-26s %-8s %14.0f %12.1f %12.1f%n",
                            proc.api() + " x" + clients, t.name(), r.callsPerSecond(), r.p50Micros(), r.p99Micros());
                }
                if (results.size() == 2) {
                    Result a = results.get(0);
                    Result b = results.get(1);
                    System.out.printf(Locale.ROOT, "%-26s %-8s %13.2fx %11.2fx %11.2fx%n", "", "ratio",
                            a.callsPerSecond() / b.callsPerSecond(), a.p50Micros() / b.p50Micros(),
                            a.p99Micros() / b.p99Micros());
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Result run(Target t, Procedure<?, ?> proc, int clients, double seconds) throws Exception {
        Object args = proc == RemoteProgram.CONNECT_LIST_ALL_DOMAINS ? new NeedResultsArgs(1, 0) : null;
        long[][] samples = new long[clients][];
        int[] counts = new int[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            int idx = i;
            Thread th = new Thread(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                try (WireClient c = WireClient.connect(t.socket())) {
                    c.open(t.uri(), 0);
                    ready.countDown();
                    go.await();
                    long end = window[1];
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        c.call((Procedure) proc, args);
                        long done = System.nanoTime();
                        if (n < lat.length) {
                            lat[n++] = done - now;
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    ready.countDown();
                }
                samples[idx] = lat;
                counts[idx] = n;
            });
            th.start();
            threads.add(th);
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(t.name() + ": " + failure.get(), failure.get());
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(samples[i], 0, all, k, counts[i]);
            k += counts[i];
        }
        Arrays.sort(all);
        return new Result(total / seconds, pct(all, 0.50) / 1000.0, pct(all, 0.99) / 1000.0);
    }

    private static long pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
    }
}
