package org.virtd.it.daemon;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sd_notify and socket activation under Debian's systemd-socket-activate (daemons.md §11). */
class SystemdIT {
    private static final String DAEMON = TestDaemon.NAME;

    @TempDir
    Path prefix;

    @BeforeAll
    static void tools() {
        DaemonRun.requireBuiltLauncher(DAEMON);
        DaemonRun.requireTool("virsh");
        DaemonRun.requireTool("virt-admin");
        DaemonRun.requireTool("systemd-socket-activate");
        DaemonRun.requireTool("socat");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void notifySocketReceivesReady(boolean abstractName) throws Exception {
        String name = abstractName ? "@virtd-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
                : prefix.resolve("notify").toString();
        AFUNIXSocketAddress address = abstractName ? AFUNIXSocketAddress.inAbstractNamespace(name.substring(1))
                : AFUNIXSocketAddress.of(Path.of(name));
        try (AFUNIXDatagramSocket sock = AFUNIXDatagramSocket.newInstance(); DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            sock.bind(address);
            sock.setSoTimeout(30_000);
            run.start(List.of(run.launcher().toString()), Map.of("NOTIFY_SOCKET", name));
            DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
            sock.receive(packet);
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("READY=1"), text);
        }
    }

    private Process activate(DaemonRun run, List<Path> sockets, String names) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("systemd-socket-activate"));
        for (Path s : sockets) {
            cmd.add("-l");
            cmd.add(s.toString());
        }
        if (names != null) {
            cmd.add("--fdname=" + names);
        }
        cmd.addAll(List.of("-E", "VIRTD_PREFIX", run.launcher().toString()));
        Process p = run.start(cmd, Map.of());
        Path last = sockets.get(sockets.size() - 1);
        assertTrue(DaemonRun.await(Duration.ofSeconds(10), () -> Files.exists(last)), run.output());
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {DAEMON + ".socket", DAEMON + "-ro.socket", DAEMON + "-admin.socket"})
    void eachActivationNameGetsAnAnswerOnTheInheritedSocket(String name) throws Exception {
        Path sock = prefix.resolve("activated.sock");
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            Process p = activate(run, List.of(sock), name);
            DaemonRun.Result r;
            if (name.contains("admin")) {
                r = run.virtAdmin(sock, "srv-list");
                assertEquals(0, r.status(), r.output() + run.output());
                assertTrue(r.output().contains(DAEMON), r.output());
            } else {
                List<String> cmd = new java.util.ArrayList<>(List.of("virsh", "-c", "qemu:///system?socket=" + sock));
                if (name.contains("-ro")) {
                    cmd.add(1, "-r");
                }
                cmd.add("version");
                r = run.exec(cmd, Map.of(), Duration.ofSeconds(30));
                // the placeholder driver refuses every URI: the refusal proves an RPC reply came back
                assertTrue(r.output().contains("no connection driver available for qemu:///system"),
                        r.output() + run.output());
            }
            assertFalse(Files.exists(run.socket("-sock")), "own sockets must not be created under activation");
            assertFalse(run.output().contains("SLF4J"), "logging framework chatter on stderr: " + run.output());
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertTrue(Files.exists(sock), "an activated socket is never unlinked");
        }
    }

    @Test
    void unknownActivationNameExitsSix() throws Exception {
        Path sock = prefix.resolve("odd.sock");
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            Process p = activate(run, List.of(sock), "bogus.socket");
            run.exec(List.of("socat", "-u", "/dev/null", "UNIX-CONNECT:" + sock), Map.of(), Duration.ofSeconds(10));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(6, p.exitValue(), run.output());
            assertTrue(run.output().contains("Some activation file descriptors are unclaimed"), run.output());
        }
    }

    @Test
    void withoutNamesTheDaemonCreatesItsOwnSockets() throws Exception {
        Path sock = prefix.resolve("plain.sock");
        try (DaemonRun run = new DaemonRun(prefix, DAEMON)) {
            activate(run, List.of(sock), null);
            run.exec(List.of("socat", "-u", "/dev/null", "UNIX-CONNECT:" + sock), Map.of(), Duration.ofSeconds(10));
            run.awaitAnswering(run.socket("-admin-sock"));
            assertTrue(run.output().contains("Missing LISTEN_FDNAMES env from systemd socket activation"), run.output());
            assertTrue(Files.exists(run.socket("-sock")));
        }
    }
}
