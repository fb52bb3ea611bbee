package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.NeedResultsArgs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load tool (and the engine of HostileClientsIT): clients that pipeline thousands of
 * getCapabilities calls and never read a reply, against normal clients that loop on
 * getLibVersion and listAllDomains. For each daemon it measures the normal clients alone, then
 * again while the hostile ones push, and prints calls/s, p99, errors and the daemon's RSS growth
 * side by side. Usage:
 *
 * <pre>HostileLoad SECONDS HOSTILE CALLS NAME=SOCKET@PID [NAME=SOCKET@PID]</pre>
 *
 * {@code tests/bench/hostile-load.sh} starts virtqemud and a private libvirtd and calls this.
 */
public final class HostileLoad {
    public static final int NORMAL_CLIENTS = 4;
    private static final String URI = "qemu:///system";
    /** CONNECT_GET_CAPABILITIES as a bare call packet: length, program, version 1, procedure, CALL, serial, OK. */
    private static final int PACKET = 28;

    /** What one daemon did under the load. */
    public record Figures(ClientFleet.Result alone, ClientFleet.Result attacked, long errors, long idleRssKiB,
                   long peakRssKiB) {
        public double rateRatio() {
            return attacked.perSecond() / alone.perSecond();
        }

        public long rssGrowthKiB() {
            return peakRssKiB - idleRssKiB;
        }

        /**
         * Where the normal clients' service falls short of issue 9's promise: any error, a p99 of
         * 50 ms or more, under half the rate they had alone, or the daemon grown by 64 MB or more.
         */
        public List<String> shortfalls() {
            List<String> out = new ArrayList<>();
            if (errors > 0) {
                out.add(errors + " errors");
            }
            if (attacked.p99Micros() >= 50_000) {
                out.add("p99 " + attacked.p99Micros() / 1000 + " ms");
            }
            if (rateRatio() < 0.5) {
                out.add("rate ratio " + rateRatio());
            }
            if (rssGrowthKiB() >= 64 * 1024) {
                out.add("RSS grew by " + rssGrowthKiB() + " KiB");
            }
            return out;
        }

        public String summary() {
            return String.format(Locale.ROOT, "alone %.0f/s, attacked %.0f/s, p99 %.2f ms, errors %d, RSS %d KiB + %d KiB",
                    alone.perSecond(), attacked.perSecond(), attacked.p99Micros() / 1000, errors, idleRssKiB,
                    rssGrowthKiB());
        }
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        int hostile = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        List<Figures> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] nv = args[i].split("=", 2);
            String[] sp = nv[1].split("@", 2);
            names.add(nv[0]);
            all.add(measure(Path.of(sp[0]), Long.parseLong(sp[1]), hostile, calls, seconds));
        }
        System.out.printf("%d hostile clients x %d pipelined getCapabilities, %d normal clients, %.0f s%n",
                hostile, calls, NORMAL_CLIENTS, seconds);
        System.out.printf("%-9s %12s %12s %10s %8s %12s %12s %10s%n", "target", "alone/s", "attacked/s", "ratio",
                "errors", "p99 ms", "idle RSS MB", "+RSS MB");
        for (int i = 0; i < all.size(); i++) {
            Figures f = all.get(i);
            System.out.printf(Locale.ROOT, "%-9s %12.0f %12.0f %10.2f %8d %12.2f %12.1f %10.1f%n", names.get(i),
                    f.alone().perSecond(), f.attacked().perSecond(), f.rateRatio(), f.errors(),
                    f.attacked().p99Micros() / 1000, f.idleRssKiB() / 1024.0, f.rssGrowthKiB() / 1024.0);
        }
    }

    /** Runs both phases against one daemon (pid for its RSS). */
    public static Figures measure(Path socket, long pid, int hostile, int calls, double seconds) throws Exception {
        AtomicLong errors = new AtomicLong();
        ClientFleet.Op op = (c, client, i) -> {
            try {
                if ((i & 1) == 0) {
                    c.call(RemoteProgram.CONNECT_GET_LIB_VERSION, null);
                } else {
                    c.call(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, new NeedResultsArgs(1, 0));
                }
            } catch (WireClient.CallFailed e) {
                errors.incrementAndGet();
            }
        };
        ClientFleet.run(socket, URI, NORMAL_CLIENTS, seconds / 4, 0, op); // warm-up
        ClientFleet.Result alone = ClientFleet.run(socket, URI, NORMAL_CLIENTS, seconds, 0, op);
        errors.set(0);
        long idle = rssKiB(pid);
        RssSampler sampler = new RssSampler(pid);
        List<WireClient> attackers = new ArrayList<>();
        List<Thread> pushers = new ArrayList<>();
        try {
            for (int i = 0; i < hostile; i++) {
                WireClient c = WireClient.connect(socket).open(URI, 0);
                // its write blocks for the whole attack, longer than a client's default deadline;
                // closing it at the end is what ends the write
                c.deadline(Duration.ofSeconds((long) seconds * 2 + 60));
                attackers.add(c);
                Thread t = new Thread(() -> push(c, calls), "hostile-" + i);
                t.setDaemon(true);
                t.start();
                pushers.add(t);
            }
            sampler.start();
            ClientFleet.Result attacked = ClientFleet.run(socket, URI, NORMAL_CLIENTS, seconds, 0, op);
            return new Figures(alone, attacked, errors.get(), idle, Math.max(idle, sampler.stop()));
        } finally {
            sampler.stop();
            for (WireClient c : attackers) {
                c.close(); // unblocks its pusher
            }
            for (Thread t : pushers) {
                t.join(TimeUnit.SECONDS.toMillis(5));
            }
        }
    }

    /** Writes {@code calls} getCapabilities calls back to back and never reads. */
    private static void push(WireClient c, int calls) {
        ByteBuffer buf = ByteBuffer.allocate(calls * PACKET);
        for (int serial = 1; serial <= calls; serial++) {
            buf.putInt(PACKET).putInt(RemoteProgram.PROGRAM.id()).putInt(RemoteProgram.PROGRAM.version())
                    .putInt(RemoteProgram.CONNECT_GET_CAPABILITIES.number()).putInt(0).putInt(1000 + serial).putInt(0);
        }
        buf.flip();
        try {
            c.writeRaw(buf); // blocks once the daemon stops reading; unblocked by close
        } catch (IOException e) {
            // closed at the end of the run
        }
    }

    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return 0;
    }

    /** Samples a process's RSS every 100 ms and keeps the peak. */
    private static final class RssSampler {
        private final long pid;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;

        RssSampler(long pid) {
            this.pid = pid;
            this.thread = new Thread(this::loop, "rss-sampler");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            while (running) {
                peak = Math.max(peak, rssKiB(pid));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() {
            running = false;
            peak = Math.max(peak, rssKiB(pid));
            return peak;
        }
    }
}
