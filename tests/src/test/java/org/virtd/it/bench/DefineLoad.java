package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.NeedResultsArgs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A load tool (not a test) for issue 4: with 1,000 defined domains, listAllDomains() calls/s
 * and define+undefine pairs/s from 4 concurrent clients (each on its own connection), for one
 * or two daemons side by side with the ratio. Usage:
 *
 * <pre>DefineLoad SECONDS NAME=SOCKET [NAME=SOCKET]</pre>
 *
 * {@code tests/bench/define-load.sh} starts virtqemud and a private libvirtd and calls this.
 */
public final class DefineLoad {
    static final int DOMAINS = 1000;
    static final int CLIENTS = 4;

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        List<String> names = new ArrayList<>();
        List<Path> sockets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] nv = args[i].split("=", 2);
            names.add(nv[0]);
            sockets.add(Path.of(nv[1]));
        }
        for (Path s : sockets) {
            populate(s);
        }
        ClientFleet.Op list = (c, client, i) -> {
            int n = c.call(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, new NeedResultsArgs(1, 0)).ret();
            if (n < DOMAINS) {
                throw new IllegalStateException("only " + n + " domains listed");
            }
        };
        ClientFleet.Op pair = (c, client, i) -> {
            DomainRef d = c.call(RemoteProgram.DOMAIN_DEFINE_XML, xml("pair-" + client + "-" + i));
            c.call(RemoteProgram.DOMAIN_UNDEFINE, d);
        };
        System.out.printf("%-34s %-10s %12s%n", "operation (" + DOMAINS + " domains defined)", "target", "per second");
        report("listAllDomains() x" + CLIENTS, list, names, sockets, seconds);
        report("define+undefine pairs x" + CLIENTS, pair, names, sockets, seconds);
    }

    private static void report(String label, ClientFleet.Op op, List<String> names, List<Path> sockets, double seconds)
            throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int t = 0; t < sockets.size(); t++) {
            run(sockets.get(t), op, seconds / 4, 1_000_000); // warm-up
            double r = run(sockets.get(t), op, seconds, 2_000_000);
            rates.add(r);
            System.out.printf(Locale.ROOT, "%-34s %-10s %12.0f%n", label, names.get(t), r);
        }
        if (rates.size() == 2) {
            System.out.printf(Locale.ROOT, "%-34s %-10s %11.2fx%n", "", "ratio", rates.get(0) / rates.get(1));
        }
    }

    static String xml(String name) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os></domain>";
    }

    private static void populate(Path socket) throws Exception {
        try (WireClient c = WireClient.connect(socket).open("qemu:///system", 0)) {
            int have = c.call(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, new NeedResultsArgs(0, 0)).ret();
            for (int i = have; i < DOMAINS; i++) {
                c.call(RemoteProgram.DOMAIN_DEFINE_XML, xml("bench-" + i));
            }
        }
    }

    /** Runs {@code op} from {@link #CLIENTS} clients for {@code seconds}; returns completed ops per second. */
    static double run(Path socket, ClientFleet.Op op, double seconds, int iterationBase) throws Exception {
        return ClientFleet.run(socket, "qemu:///system", CLIENTS, seconds, iterationBase, op).perSecond();
    }
}
