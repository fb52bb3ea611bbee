package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A load tool (not a test): opens N connections through one socket, each with CONNECT_OPEN done,
 * keeps them idle, and prints the RSS of the given processes before and with them. Usage:
 *
 * <pre>IdleClients N URI SOCKET NAME=PID [NAME=PID]</pre>
 */
public final class IdleClients {
    private IdleClients() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String uri = args[1];
        Path socket = Path.of(args[2]);
        List<String> names = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] nv = args[i].split("=", 2);
            names.add(nv[0]);
            pids.add(Long.parseLong(nv[1]));
        }
        long[] before = rss(pids);
        List<WireClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                clients.add(WireClient.connect(socket).open(uri, 0));
            }
            Thread.sleep(1000);
            long[] with = rss(pids);
            System.out.printf("%d idle clients through %s%n", n, socket);
            for (int i = 0; i < names.size(); i++) {
                System.out.printf(Locale.ROOT, "%-10s RSS %7.1f MB -> %7.1f MB (%+.1f KB per client)%n", names.get(i),
                        before[i] / 1024.0, with[i] / 1024.0, (with[i] - before[i]) / (double) n);
            }
        } finally {
            for (WireClient c : clients) {
                c.close();
            }
        }
    }

    private static long[] rss(List<Long> pids) {
        long[] out = new long[pids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = HostileLoad.rssKiB(pids.get(i));
        }
        return out;
    }
}
