package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.AllDomainStatsArgs;
import org.virtd.rpc.remote.types.DomainFlagsArgs;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.DomainStatsRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A getAllDomainStats benchmark (not a test) for issue 10: COUNT tiny TCG guests are started on
 * one daemon and left to finish booting, then one client calls CONNECT_GET_ALL_DOMAIN_STATS
 * (all domains, all groups: what monitoring agents poll) CALLS times in a row; calls/s and the
 * median latency are reported, for one or two daemons side by side with the ratio. Each
 * daemon's guests are destroyed and undefined before the next daemon's start, so both are
 * measured on the same idle host. Every RPC wait is bounded.
 *
 * <pre>DomStatsLoad CALLS COUNT TEMPLATE GUEST_DIR CONSOLE_DIR PREFIX NAME=SOCKET [NAME=SOCKET]</pre>
 */
public final class DomStatsLoad {
    static final int RUNNING = 1;
    static final long CALL_LIMIT_S = BoundedCalls.LIMIT_S;
    static final String URI = "qemu:///system";
    static final String READY = "GUEST-READY";
    static final int WARM_UP = 20;

    private final String template;
    private final Path consoleDir;
    private final String prefix;
    private final BoundedCalls calls = new BoundedCalls("domstats-load");

    /** What one daemon gave. */
    record Result(double callsPerSecond, double p50Ms, double p90Ms, int records, int params) { }

    DomStatsLoad(String template, Path guestDir, Path consoleDir, String prefix) {
        this.template = template.replace("@KERNEL@", guestDir.resolve("vmlinuz").toString())
                .replace("@INITRD@", guestDir.resolve("initrd.img").toString());
        this.consoleDir = consoleDir;
        this.prefix = prefix;
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        DomStatsLoad bench = new DomStatsLoad(Files.readString(Path.of(args[2])), Path.of(args[3]),
                Path.of(args[4]), args[5]);
        List<String> names = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            String[] t = args[i].split("=", 2);
            System.err.printf("%s: %d guests, %d getAllDomainStats calls%n", t[0], count, n);
            Result r = bench.measure(t[0], Path.of(t[1]), n, count);
            names.add(t[0]);
            results.add(r);
            System.err.printf(Locale.ROOT, "%s: %d records, %d parameters per call%n", t[0], r.records(), r.params());
        }
        System.out.printf("%-44s %12s %12s %8s%n", "getAllDomainStats, " + count + " running guests", names.get(0),
                names.size() > 1 ? names.get(1) : "", names.size() > 1 ? "ratio" : "");
        row("calls/s (one client, back to back)", results, Result::callsPerSecond, false);
        row("p50 latency (ms)", results, Result::p50Ms, true);
        row("p90 latency (ms)", results, Result::p90Ms, true);
        bench.calls.shutdown();
    }

    /** A row with ours/theirs as the ratio (theirs/ours for latencies, so above 1 is better). */
    private static void row(String label, List<Result> rs, java.util.function.ToDoubleFunction<Result> f,
            boolean lowerIsBetter) {
        double a = f.applyAsDouble(rs.get(0));
        String b = rs.size() > 1 ? String.format(Locale.ROOT, "%.2f", f.applyAsDouble(rs.get(1))) : "";
        String ratio = "";
        if (rs.size() > 1) {
            double other = f.applyAsDouble(rs.get(1));
            ratio = String.format(Locale.ROOT, "%.2fx", lowerIsBetter ? other / a : a / other);
        }
        System.out.printf(Locale.ROOT, "%-44s %12.2f %12s %8s%n", label, a, b, ratio);
    }

    Result measure(String target, Path socket, int n, int count) throws Exception {
        String base = prefix + "-" + target;
        List<DomainRef> defined = new ArrayList<>();
        try (WireClient c = calls.bounded(null, () -> WireClient.connect(socket).open(URI, 0))) {
            try {
                for (int i = 0; i < count; i++) {
                    String name = String.format("%s-%02d", base, i);
                    DomainRef d = calls.bounded(c, () -> c.call(RemoteProgram.DOMAIN_DEFINE_XML, xml(name)));
                    defined.add(d);
                    calls.bounded(c, () -> c.call(RemoteProgram.DOMAIN_CREATE, d));
                }
                awaitBooted(defined);
                AllDomainStatsArgs all = new AllDomainStatsArgs(List.of(), 0, 0);
                List<DomainStatsRecord> last = null;
                for (int i = 0; i < WARM_UP; i++) {
                    last = calls.bounded(c, () -> c.call(RemoteProgram.CONNECT_GET_ALL_DOMAIN_STATS, all));
                }
                double[] ms = new double[n];
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long s = System.nanoTime();
                    last = calls.bounded(c, () -> c.call(RemoteProgram.CONNECT_GET_ALL_DOMAIN_STATS, all));
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                Arrays.sort(ms);
                int params = last.stream().mapToInt(r -> r.params().size()).sum();
                return new Result(n / seconds, ms[(n - 1) / 2], ms[(int) Math.min(n - 1, Math.round(n * 0.9))],
                        last.size(), params);
            } finally {
                calls.cleanUp(c, defined);
            }
        }
    }

    /** Waits (bounded) until every guest printed its ready marker: booting guests would load the host. */
    private void awaitBooted(List<DomainRef> doms) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CALL_LIMIT_S * 2);
        for (DomainRef d : doms) {
            Path log = consoleDir.resolve(d.name() + ".log");
            while (!(Files.exists(log) && Files.readString(log).contains(READY))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(d.name() + " did not boot in time");
                }
                Thread.sleep(100);
            }
        }
    }



    String xml(String name) {
        return template.replace("<name>tiny-guest</name>", "<name>" + name + "</name><uuid>"
                + UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "</uuid>")
                .replace("<memballoon model='none'/>", "<memballoon model='virtio'/>")
                .replace("@CONSOLE_LOG@", consoleDir.resolve(name + ".log").toString());
    }
}
