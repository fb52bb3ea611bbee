package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;
import org.virtd.it.harness.VirtqemudProcess;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainFlagsArgs;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.NeedResultsArgs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load tool (not a test) for issue 12: with 100 VirtualBox machines (the stand-in of
 * ../shared/vbox), listAllDomains() and a virsh-dominfo-like sequence (lookup by name, info,
 * state) against the built virtvboxd: calls per second and VBoxManage launches per call,
 * counted by a wrapper in front of the stand-in. Usage: {@code VboxListLoad SECONDS}.
 */
public final class VboxListLoad {
    static final int MACHINES = 100;

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        Path dir = Files.createTempDirectory("virtd-vbox-bench-");
        Path standIn = VirtqemudProcess.repo().resolve("../shared/vbox/VBoxManage").normalize();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path count = dir.resolve("launches");
        Files.writeString(count, "");
        Path wrapper = bin.resolve("VBoxManage");
        Files.writeString(wrapper, "#!/bin/sh\necho >> '" + count + "'\nexec '" + standIn + "' \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "VBOX_USER_HOME", dir.resolve("vbox").toString(),
                "HOME", dir.toString());
        for (int i = 0; i < MACHINES; i++) {
            run(env, List.of(wrapper.toString(), "createvm", "--name", "bench-" + i, "--register"));
        }
        try {
            measureAll(dir, env, count, seconds);
        } finally {
            try (var all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measureAll(Path dir, Map<String, String> env, Path count, double seconds) throws Exception {
        try (VirtqemudProcess daemon = VirtqemudProcess.start(dir.resolve("prefix"), "virtvboxd", env);
             WireClient c = WireClient.connect(daemon.socket()).open("vbox:///system", 0)) {
            System.out.printf("%-40s %12s %16s%n", "operation (" + MACHINES + " machines)", "calls/s", "launches/call");
            measure("listAllDomains()", seconds, count, () -> {
                int n = c.call(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, new NeedResultsArgs(1, 0)).ret();
                if (n != MACHINES) {
                    throw new IllegalStateException(n + " machines listed");
                }
            });
            int[] i = {0};
            Op dominfo = () -> {
                DomainRef d = c.call(RemoteProgram.DOMAIN_LOOKUP_BY_NAME, "bench-" + (i[0]++ % MACHINES));
                c.call(RemoteProgram.DOMAIN_GET_INFO, d);
                c.call(RemoteProgram.DOMAIN_GET_STATE, new DomainFlagsArgs(d, 0));
            };
            // one pass first: the daemon has read no machine yet; measured is the state "nothing changes"
            long warmLaunches = launches(count);
            for (int n = 0; n < MACHINES; n++) {
                dominfo.run();
            }
            System.out.printf(Locale.ROOT, "%-40s %12s %16.3f%n", "dominfo, first pass over all machines", "",
                    (launches(count) - warmLaunches) / (double) MACHINES);
            measure("dominfo (lookup, info, state)", seconds, count, dominfo);
        }
    }

    interface Op {
        void run() throws Exception;
    }

    private static void measure(String label, double seconds, Path count, Op op) throws Exception {
        long launchesBefore = launches(count);
        long calls = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            op.run();
            calls++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-40s %12.1f %16.3f%n", label, calls / elapsed,
                (launches(count) - launchesBefore) / (double) calls);
    }

    private static long launches(Path count) throws IOException {
        return Files.readString(count).lines().count();
    }

    private static void run(Map<String, String> env, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        if (pb.start().waitFor() != 0) {
            throw new IllegalStateException("failed: " + cmd);
        }
    }
}
