package org.virtd.it.proxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Anchor;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handover: once a UNIX client of virtproxyd has opened its connection, a daemon of ours
 * takes the client's socket and the proxy drops out (the client is the daemon's, with its own
 * pid, and no longer the proxy's); a daemon that does not know the handover (the real libvirtd
 * 9.0) declines and the client stays forwarded; {@code VIRTD_PROXY_HANDOVER=0} keeps every
 * client forwarded.
 */
class ProxyHandoverIT {
    private static final String HOLDER = String.join("\n",
            "import libvirt, sys, time",
            "c = libvirt.open(sys.argv[1])",
            "print('open', c.getLibVersion(), len(c.listAllDomains()), flush=True)",
            "time.sleep(60)");

    @TempDir
    Path prefix;
    final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    /** A python client holding a connection open through {@code uri}; closed with the test. */
    private long holdOpen(String uri) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", HOLDER, uri).redirectErrorStream(true).start();
        running.add(p::destroyForcibly);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("open "), "the client did not open: " + line);
        return p.pid();
    }

    private static String clients(VirtqemudProcess daemon, String server) throws Exception {
        Cli.Result r = Cli.run(List.of("virt-admin", "-c", daemon.adminUri(), "client-list", server), 30);
        assertEquals(0, r.exit(), r.all());
        return r.out();
    }

    private static int count(String clientList) {
        return (int) clientList.lines().filter(l -> l.trim().matches("\\d+\\s+unix\\s.*")).count();
    }

    private VirtqemudProcess proxy(Map<String, String> env) throws Exception {
        VirtqemudProcess p = VirtqemudProcess.start(prefix, "virtproxyd", env);
        running.add(p);
        return p;
    }

    @Test
    void aClientOfOursMovesToTheDaemonAndLeavesTheProxy() throws Exception {
        VirtqemudProcess qemud = VirtqemudProcess.start(prefix);
        running.add(qemud);
        VirtqemudProcess proxy = proxy(Map.of());
        long pid = holdOpen("qemu+unix:///system?socket=" + proxy.socket());
        assertEquals(0, count(clients(proxy, "virtproxyd")), "the proxy still holds it");
        String daemonClients = clients(qemud, "virtqemud");
        assertEquals(1, count(daemonClients), daemonClients);
        String id = daemonClients.lines().filter(l -> l.trim().matches("\\d+\\s+unix\\s.*")).findFirst()
                .orElseThrow().trim().split("\\s+")[0];
        Cli.Result info = Cli.run(List.of("virt-admin", "-c", qemud.adminUri(), "client-info", "virtqemud", id), 30);
        assertTrue(info.out().matches("(?s).*unix_process_id\\s*:\\s*" + pid + "\\b.*"), info.out());
    }

    @Test
    void withHandoverOffTheClientStaysForwarded() throws Exception {
        VirtqemudProcess qemud = VirtqemudProcess.start(prefix);
        running.add(qemud);
        VirtqemudProcess proxy = proxy(Map.of("VIRTD_PROXY_HANDOVER", "0"));
        holdOpen("qemu+unix:///system?socket=" + proxy.socket());
        assertEquals(1, count(clients(proxy, "virtproxyd")));
        Cli.Result r = Cli.virsh("qemu+unix:///system?socket=" + proxy.socket(), "list", "--all");
        assertEquals(0, r.exit(), r.all());
    }

    /** libvirtd answers the handover with "Cannot find program": the proxy simply keeps forwarding. */
    @Test
    void libvirtdDeclinesAndTheClientStaysForwarded(@TempDir Path anchorState) throws Exception {
        Anchor anchor = Anchor.start(anchorState);
        running.add(anchor);
        Path runDir = Files.createDirectories(prefix.resolve("run/libvirt"));
        Files.createSymbolicLink(runDir.resolve("virtqemud-sock"), anchor.socketDir().resolve("libvirt-sock"));
        VirtqemudProcess proxy = proxy(Map.of());
        String uri = "qemu+unix:///system?socket=" + proxy.socket();
        holdOpen(uri);
        assertEquals(1, count(clients(proxy, "virtproxyd")));
        Cli.Result version = Cli.virsh(uri, "version");
        assertEquals(0, version.exit(), version.all());
        assertTrue(version.out().contains("Running hypervisor: QEMU"), version.out());
    }
}
