package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainFlagsArgs;
import org.virtd.rpc.remote.types.DomainRef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A start benchmark (not a test) for issue 5: the median time from DOMAIN_CREATE (what
 * {@code virsh start} sends) to DOMAIN_GET_STATE reporting RUNNING, over RUNS sequential starts
 * of one tiny TCG guest; then COUNT guests started at once from COUNT connections: the time until
 * all are RUNNING and the daemon's RSS then. For one or two daemons side by side with the ratio.
 * Every domain is destroyed and undefined afterwards; every RPC wait is bounded.
 *
 * <pre>StartLoad RUNS COUNT TEMPLATE GUEST_DIR CONSOLE_DIR PREFIX NAME=SOCKET=PID [NAME=SOCKET=PID]</pre>
 *
 * TEMPLATE is shared/guest/tiny-domain.xml; GUEST_DIR holds the built vmlinuz and initrd.img;
 * PREFIX starts every domain name (so the caller can find leftover QEMUs).
 * {@code tests/bench/start-load.sh} starts virtqemud and a private libvirtd and calls this.
 */
public final class StartLoad {
    static final int RUNNING = 1;
    static final int SHUTOFF = 5;
    static final long CALL_LIMIT_S = BoundedCalls.LIMIT_S;
    static final String URI = "qemu:///system";

    private final String template;
    private final Path consoleDir;
    private final String prefix;
    private final BoundedCalls calls = new BoundedCalls("start-load");

    /** What one daemon gave. */
    record Result(double medianStartMs, double[] startsMs, double allRunningMs, long rssKiB) { }

    StartLoad(String template, Path guestDir, Path consoleDir, String prefix) {
        this.template = template.replace("@KERNEL@", guestDir.resolve("vmlinuz").toString())
                .replace("@INITRD@", guestDir.resolve("initrd.img").toString());
        this.consoleDir = consoleDir;
        this.prefix = prefix;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        StartLoad bench = new StartLoad(Files.readString(Path.of(args[2])), Path.of(args[3]), Path.of(args[4]),
                args[5]);
        List<String> names = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            String[] t = args[i].split("=", 3);
            System.err.printf("%s: %d sequential starts, then %d at once%n", t[0], runs, count);
            Result r = bench.measure(t[0], Path.of(t[1]), Long.parseLong(t[2]), runs, count);
            names.add(t[0]);
            results.add(r);
            System.err.printf(Locale.ROOT, "%s: starts (ms) %s%n", t[0], Arrays.toString(r.startsMs()));
        }
        System.out.printf("%-40s %12s %12s %8s%n", "measurement (tiny TCG guest, 128 MiB)", names.get(0),
                names.size() > 1 ? names.get(1) : "", names.size() > 1 ? "ratio" : "");
        row("start -> running, median of " + runs + " (ms)", results, Result::medianStartMs, "%.0f");
        row(count + " at once -> all running (ms)", results, Result::allRunningMs, "%.0f");
        row("daemon RSS with " + count + " running (MiB)", results, r -> r.rssKiB() / 1024.0, "%.1f");
        bench.calls.shutdown();
    }

    private static void row(String label, List<Result> rs, java.util.function.ToDoubleFunction<Result> f,
            String fmt) {
        String a = String.format(Locale.ROOT, fmt, f.applyAsDouble(rs.get(0)));
        String b = rs.size() > 1 ? String.format(Locale.ROOT, fmt, f.applyAsDouble(rs.get(1))) : "";
        String ratio = rs.size() > 1
                ? String.format(Locale.ROOT, "%.2fx", f.applyAsDouble(rs.get(0)) / f.applyAsDouble(rs.get(1))) : "";
        System.out.printf("%-40s %12s %12s %8s%n", label, a, b, ratio);
    }

    Result measure(String target, Path socket, long pid, int runs, int count) throws Exception {
        String base = prefix + "-" + target;
        List<DomainRef> defined = new ArrayList<>();
        try (WireClient c = calls.bounded(null, () -> WireClient.connect(socket).open(URI, 0))) {
            try {
                DomainRef one = calls.bounded(c, () -> c.call(RemoteProgram.DOMAIN_DEFINE_XML, xml(base + "-seq")));
                defined.add(one);
                startAndStop(c, one); // warm-up: capability probing, JIT, caches
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    ms[i] = startAndStop(c, one);
                }
                for (int i = 0; i < count; i++) {
                    String name = String.format("%s-%02d", base, i);
                    defined.add(calls.bounded(c, () -> c.call(RemoteProgram.DOMAIN_DEFINE_XML, xml(name))));
                }
                double all = startAll(socket, defined.subList(1, defined.size()));
                long rss = rssKiB(pid);
                double[] sorted = ms.clone();
                Arrays.sort(sorted);
                return new Result(sorted[(runs - 1) / 2], ms, all, rss);
            } finally {
                calls.cleanUp(c, defined);
            }
        }
    }

    /** One start, timed from the CREATE call to the first GET_STATE saying RUNNING; then destroy. */
    private double startAndStop(WireClient c, DomainRef d) throws Exception {
        long t0 = System.nanoTime();
        calls.bounded(c, () -> c.call(RemoteProgram.DOMAIN_CREATE, d));
        awaitState(c, d, RUNNING);
        double ms = (System.nanoTime() - t0) / 1e6;
        calls.bounded(c, () -> c.call(RemoteProgram.DOMAIN_DESTROY, d));
        awaitState(c, d, SHUTOFF);
        return ms;
    }

    /** Starts every domain from its own connection at once; returns ms until the last is RUNNING. */
    private double startAll(Path socket, List<DomainRef> doms) throws Exception {
        int n = doms.size();
        List<WireClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                clients.add(calls.bounded(null, () -> WireClient.connect(socket).open(URI, 0)));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                WireClient c = clients.get(i);
                DomainRef d = doms.get(i);
                done.add(calls.pool().submit(() -> {
                    go.await();
                    c.call(RemoteProgram.DOMAIN_CREATE, d);
                    awaitStateUnbounded(c, d, RUNNING);
                    return System.nanoTime();
                }));
            }
            long t0 = System.nanoTime();
            go.countDown();
            long last = t0;
            long deadline = t0 + TimeUnit.SECONDS.toNanos(CALL_LIMIT_S * 2);
            for (Future<Long> f : done) {
                last = Math.max(last, f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return (last - t0) / 1e6;
        } finally {
            for (WireClient c : clients) {
                c.close();
            }
        }
    }

    private void awaitState(WireClient c, DomainRef d, int state) throws Exception {
        calls.bounded(c, () -> {
            awaitStateUnbounded(c, d, state);
            return null;
        });
    }

    private static void awaitStateUnbounded(WireClient c, DomainRef d, int state) throws Exception {
        while (c.call(RemoteProgram.DOMAIN_GET_STATE, new DomainFlagsArgs(d, 0)).state() != state) {
            Thread.sleep(5);
        }
    }



    String xml(String name) {
        return template.replace("<name>tiny-guest</name>", "<name>" + name + "</name><uuid>"
                + UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "</uuid>")
                .replace("@CONSOLE_LOG@", consoleDir.resolve(name + ".log").toString());
    }

    static long rssKiB(long pid) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
