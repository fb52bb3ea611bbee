package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A footprint tool (not a test, issue 17): walks one running daemon through the states the issue
 * names and prints its RSS (MB) and thread count in each, one {@code STATE RSS THREADS} line per
 * state, after letting it settle:
 * idle (as started), one-call (a client did CONNECT_OPEN and getLibVersion and left), churn
 * (CHURN domains defined and undefined, one connection), clients (100 clients connected, opened
 * and left), open-1000 (1,000 clients connected and opened, still open: measured while they are).
 *
 * <pre>Footprint PID SOCKET URI DOMAIN_TYPE CHURN SETTLE_SECONDS</pre>
 */
public final class Footprint {
    private static final int PASSING_CLIENTS = 100;
    private static final int OPEN_CLIENTS = 1000;

    private Footprint() {
    }

    public static void main(String[] args) throws Exception {
        long pid = Long.parseLong(args[0]);
        Path socket = Path.of(args[1]);
        String uri = args[2];
        String type = args[3];
        int churn = Integer.parseInt(args[4]);
        long settleMs = (long) (Double.parseDouble(args[5]) * 1000);

        Thread.sleep(settleMs);
        report("idle", pid);

        try (WireClient c = WireClient.connect(socket).open(uri, 0)) {
            c.call(RemoteProgram.CONNECT_GET_LIB_VERSION, null);
        }
        Thread.sleep(settleMs);
        report("one-call", pid);

        try (WireClient c = WireClient.connect(socket).deadline(java.time.Duration.ofSeconds(120)).open(uri, 0)) {
            for (int i = 0; i < churn; i++) {
                DomainRef d = c.call(RemoteProgram.DOMAIN_DEFINE_XML, xml(type, "fp-churn-" + i));
                c.call(RemoteProgram.DOMAIN_UNDEFINE, d);
            }
        }
        Thread.sleep(settleMs);
        report("churn", pid);

        for (int i = 0; i < PASSING_CLIENTS; i++) {
            try (WireClient c = WireClient.connect(socket).open(uri, 0)) {
                c.call(RemoteProgram.CONNECT_GET_LIB_VERSION, null);
            }
        }
        Thread.sleep(settleMs);
        report("clients", pid);

        List<WireClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < OPEN_CLIENTS; i++) {
                open.add(WireClient.connect(socket).open(uri, 0));
            }
            Thread.sleep(Math.min(settleMs, 3000));
            report("open-" + OPEN_CLIENTS, pid);
        } finally {
            for (WireClient c : open) {
                try {
                    c.close();
                } catch (IOException e) {
                    // closing is best effort; the daemon sees the hang-up either way
                }
            }
        }
    }

    static String xml(String type, String name) {
        return "<domain type='" + type + "'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os></domain>";
    }

    private static void report(String state, long pid) throws IOException {
        long rssKb = 0;
        int threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
            }
        }
        System.out.printf(Locale.ROOT, "%s %.1f %d%n", state, rssKb / 1024.0, threads);
        System.err.printf(Locale.ROOT, "%s threads: %s%n", state, threadNames(pid));
    }

    /** The daemon's thread names, counted ("virtd-io-1-1, worker x5, ..."): which ones a reading holds. */
    private static String threadNames(long pid) throws IOException {
        java.util.Map<String, Integer> names = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    names.merge(Files.readString(t.resolve("comm")).strip(), 1, Integer::sum);
                } catch (IOException e) {
                    // the thread ended while we looked
                }
            }
        }
        StringBuilder b = new StringBuilder();
        names.forEach((n, c) -> b.append(b.length() > 0 ? ", " : "").append(n).append(c > 1 ? " x" + c : ""));
        return b.toString();
    }
}
