package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * Networks, storage, secrets, node devices, nwfilters and host interfaces through virtqemud:
 * without the daemons that serve them, event clients that register for every kind still get
 * their domain events and lookups say "not found"; with a stand-in virtnetworkd on its socket in
 * the run directory, network calls and events go through to it (libvirt's secondary connection).
 */
class OtherObjectKindsTest {
    private static final String NAME = "kinds";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static String uri;
    private Process fakeNetd;

    @BeforeAll
    static void start() throws Exception {
        Cli.requireTool("/usr/bin/python3");
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @AfterEach
    void stopFakeNetd() throws IOException {
        if (fakeNetd != null) {
            fakeNetd.destroyForcibly();
            fakeNetd = null;
        }
        Files.deleteIfExists(daemon.runDir().resolve("virtnetworkd-sock"));
    }

    @Test
    void eventClientRegisteringEveryKindGetsDomainEvents() throws Exception {
        try (EventClient events = EventClient.start(uri, prefix, "every-kind")) {
            Path xml = TinyGuest.get().xmlFile(NAME, prefix);
            ok(uri, "define", xml.toString());
            ok(uri, "undefine", NAME);
            events.await("domain " + NAME + " 1 0"); // VIR_DOMAIN_EVENT_UNDEFINED
            assertTrue(events.lines().contains("domain " + NAME + " 0 0"), events.lines().toString());
            assertEquals("deregistered", events.finish(), "every callback deregisters");
        }
    }

    @Test
    void lookupsSayNotFoundWithoutTheirDaemons() throws Exception {
        Cli.Result vol = Cli.virsh(uri, "vol-info", prefix.resolve("disk.qcow2").toString());
        assertTrue(vol.err().contains("error: Storage volume not found: no storage vol with matching path '"
                + prefix.resolve("disk.qcow2") + "'"), vol.all());
        Cli.Result net = Cli.virsh(uri, "net-info", "default");
        assertTrue(net.err().contains("error: Network not found: no network with matching name 'default'"), net.all());
        Cli.Result list = ok(uri, "net-list", "--all");
        assertTrue(list.out().lines().filter(l -> !l.isBlank()).count() == 2, list.out()); // header and rule only
    }

    @Test
    void netListGoesToTheNetworkDaemon() throws Exception {
        Path log = prefix.resolve("netd.log");
        Files.deleteIfExists(log);
        startFakeNetd(log);
        Cli.Result list = ok(uri, "net-list", "--all");
        assertTrue(list.out().matches("(?s).*\\n fakenet\\s+active\\s+yes\\s+yes\\n.*"), list.out());
        Cli.Result xml = ok(uri, "net-dumpxml", "fakenet");
        assertTrue(xml.out().contains("<bridge name='virbr9'/>"), xml.out());
        Cli.Result missing = Cli.virsh(uri, "net-info", "nosuch");
        assertTrue(missing.err().contains("Network not found: no network with matching name 'nosuch'"), missing.all());
        List<String> calls = Files.readAllLines(log);
        // each virsh opened the secondary connection as libvirt's virtqemud does: auth, open, identity
        assertEquals(List.of("66", "1 network:///system", "419", "283"), calls.subList(0, 4), calls.toString());
        assertTrue(calls.contains("43"), calls.toString());
    }

    @Test
    void networkEventsComeBackFromTheNetworkDaemon() throws Exception {
        startFakeNetd(prefix.resolve("netd-events.log"));
        try (EventClient events = EventClient.start(uri, prefix, "forwarded")) {
            events.await("network fakenet 2 0"); // the stand-in's started event, relayed
            Path xml = TinyGuest.get().xmlFile(NAME + "2", prefix);
            ok(uri, "define", xml.toString());
            ok(uri, "undefine", NAME + "2");
            events.await("domain " + NAME + "2 1 0");
            assertEquals("deregistered", events.finish());
        }
        assertTrue(Files.readAllLines(prefix.resolve("netd-events.log")).contains("314"), "deregistered there too");
    }

    @Test
    void aClientOutlivesItsNetworkDaemon() throws Exception {
        startFakeNetd(prefix.resolve("netd-gone.log"));
        String script = "import sys, libvirt\n"
                + "c = libvirt.open(sys.argv[1])\n"
                + "print(len(c.listAllNetworks(0)), flush=True)\n"
                + "sys.stdin.readline()\n"
                + "print(len(c.listAllNetworks(0)), c.isAlive(), len(c.listAllDomains(0)) >= 0, flush=True)\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, uri).redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
                OutputStream in = p.getOutputStream()) {
            assertEquals("1", out.readLine(), "the network daemon's network");
            fakeNetd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            in.write('\n');
            in.flush();
            // its socket is stale now: the list is answered here again, on the same connection
            assertEquals("0 1 True", out.readLine());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
    }

    private void startFakeNetd(Path log) throws Exception {
        Path script = EventRecorder.resource("fake_netd.py", prefix);
        Path socket = daemon.runDir().resolve("virtnetworkd-sock");
        fakeNetd = new ProcessBuilder("/usr/bin/python3", script.toString(), socket.toString(), log.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("netd.out").toFile()).start();
        TinyGuest.await(() -> Files.exists(socket) || !fakeNetd.isAlive(), Duration.ofSeconds(20),
                "the stand-in virtnetworkd did not listen");
        assertTrue(fakeNetd.isAlive(), Files.readString(prefix.resolve("netd.out")));
    }

    /** object_events.py: registers every kind on connect, prints events, deregisters on stdin EOF. */
    private static final class EventClient implements AutoCloseable {
        private final Process process;
        private final Path out;

        private EventClient(Process process, Path out) {
            this.process = process;
            this.out = out;
        }

        static EventClient start(String uri, Path dir, String tag) throws IOException {
            Path script = EventRecorder.resource("object_events.py", dir);
            Path out = dir.resolve("object-events-" + tag + ".txt");
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), uri)
                    .redirectOutput(out.toFile()).redirectError(dir.resolve("object-events-" + tag + ".err").toFile())
                    .start();
            EventClient c = new EventClient(p, out);
            TinyGuest.await(() -> c.lines().contains("ready") || !p.isAlive(), Duration.ofSeconds(20),
                    "the event client did not register");
            assertTrue(p.isAlive(), "event client failed: " + Files.readString(dir.resolve("object-events-" + tag + ".err")));
            return c;
        }

        List<String> lines() {
            try {
                return Files.readAllLines(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return List.of();
            }
        }

        void await(String line) {
            TinyGuest.await(() -> lines().contains(line), Duration.ofSeconds(20), "no '" + line + "' in " + lines());
        }

        /** Closes its stdin and returns its last line once it has exited. */
        String finish() throws IOException, InterruptedException {
            try (OutputStream in = process.getOutputStream()) {
                in.flush();
            }
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the event client did not exit: " + lines());
            List<String> all = lines();
            return all.isEmpty() ? "" : all.get(all.size() - 1);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
