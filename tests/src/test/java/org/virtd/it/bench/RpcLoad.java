package org.virtd.it.bench;

import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.NeedResultsArgs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
                List<ClientFleet.Result> results = new ArrayList<>();
                for (Target t : targets) {
                    run(t, proc, clients, seconds / 4); // warm-up
                    ClientFleet.Result r = run(t, proc, clients, seconds);
                    results.add(r);
                    System.out.printf(Locale.ROOT, "%-26s %-8s %14.0f %12.1f %12.1f%n",
                            proc.api() + " x" + clients, t.name(), r.perSecond(), r.p50Micros(), r.p99Micros());
                }
                if (results.size() == 2) {
                    ClientFleet.Result a = results.get(0);
                    ClientFleet.Result b = results.get(1);
                    System.out.printf(Locale.ROOT, "%-26s %-8s %13.2fx %11.2fx %11.2fx%n", "", "ratio",
                            a.perSecond() / b.perSecond(), a.p50Micros() / b.p50Micros(),
                            a.p99Micros() / b.p99Micros());
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ClientFleet.Result run(Target t, Procedure<?, ?> proc, int clients, double seconds) throws Exception {
        Object args = proc == RemoteProgram.CONNECT_LIST_ALL_DOMAINS ? new NeedResultsArgs(1, 0) : null;
        try {
            return ClientFleet.run(t.socket(), t.uri(), clients, seconds, 0, (c, client, i) -> c.call((Procedure) proc, args));
        } catch (Exception e) {
            throw new IllegalStateException(t.name() + ": " + e, e);
        }
    }
}
