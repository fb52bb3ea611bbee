package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.testing.WireClient;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;
import static org.virtd.it.qemu.lifecycle.Guests.state;

/**
 * Issue 11's forwarding, with real clients through virtproxyd's legacy {@code libvirt-sock} to a
 * virtqemud under the same prefix: virsh sees what it sees directly, a guest runs and its console
 * works through the proxy, python-libvirt gets lifecycle events through it, the read-only socket
 * gets virtqemud's read-only refusals, virtqemud knows the proxied client by its own uid and pid,
 * `virsh event --loop`, save and restore give what they give directly, schemes without a daemon get
 * libvirt's errors, and a daemon that dies ends its proxied clients at once while the proxy keeps serving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxiedGuestTest {
    private static final String NAME = "proxied";

    @TempDir
    static Path prefix;
    static VirtqemudProcess qemud;
    static VirtqemudProcess proxy;
    static TinyGuest guest;
    static EventRecorder events;
    static String direct;
    static String proxied;

    @BeforeAll
    static void start() throws Exception {
        guest = TinyGuest.get();
        qemud = VirtqemudProcess.start(prefix);
        proxy = VirtqemudProcess.start(prefix, "virtproxyd", Map.of());
        direct = qemud.uri();
        proxied = "qemu+unix:///system?socket=" + proxy.socket();
        events = EventRecorder.start(proxied, prefix);
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, events, proxy, qemud);
    }

    @Test
    @Order(1)
    void virshSeesWhatItSeesDirectly() throws Exception {
        for (String cmd : List.of("version", "hostname", "nodeinfo", "capabilities", "list --all")) {
            String[] args = cmd.split(" ");
            assertEquals(ok(direct, args).out(), ok(proxied, args).out(), cmd);
        }
    }

    @Test
    @Order(2)
    void aGuestRunsThroughTheProxy() throws Exception {
        ok(proxied, "define", guest.xmlFile(NAME, prefix).toString());
        ok(proxied, "start", NAME);
        TinyGuest.await(() -> Guests.stateIs(proxied, NAME, "running (booted)"), Duration.ofSeconds(10),
                "not running through the proxy");
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(30));
        String viaProxy = ok(proxied, "dominfo", NAME).out().replaceAll("CPU time:.*", "");
        String viaDaemon = ok(direct, "dominfo", NAME).out().replaceAll("CPU time:.*", "");
        assertEquals(viaDaemon, viaProxy);
    }

    @Test
    @Order(3)
    void theConsoleWorksThroughTheProxy() throws Exception {
        Path script = EventRecorder.resource("console.py", prefix);
        Cli.Result r = Cli.run(List.of("/usr/bin/python3", script.toString(), proxied, NAME), 60);
        assertTrue(r.out().contains("connected True mark True exit 0"), r.all());
    }

    @Test
    @Order(4)
    void theReadOnlySocketGetsTheDaemonsRefusals() throws Exception {
        String ro = "qemu+unix:///system?socket=" + proxy.roSocket();
        assertEquals(ok(direct, "list", "--all").out(), ok(ro, "list", "--all").out());
        Cli.Result refused = Cli.virsh(ro, "destroy", NAME);
        assertTrue(refused.exit() != 0 && refused.err().contains("read only access prevents virDomainDestroy"),
                refused.all());
        assertEquals("running (booted)", state(direct, NAME));
    }

    @Test
    @Order(5)
    void theDaemonKnowsTheProxiedClientByItsOwnIdentity() throws Exception {
        long pid = events.pid();
        Cli.Result clients = Cli.run(List.of("virt-admin", "-c", qemud.adminUri(), "client-list", "virtqemud"), 30);
        boolean found = false;
        for (String line : clients.out().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length < 2 || !cols[0].matches("\\d+")) {
                continue;
            }
            Cli.Result info = Cli.run(List.of("virt-admin", "-c", qemud.adminUri(), "client-info", "virtqemud",
                    cols[0]), 30);
            found |= info.out().matches("(?s).*unix_process_id\\s*:\\s*" + pid + "\\b.*");
        }
        assertTrue(found, "no client of virtqemud carries the event client's pid " + pid + ": " + clients.out());
    }

    @Test
    @Order(6)
    void virshEventLoopAndSaveRestoreThroughTheProxyAsDirectly() throws Exception {
        Path image = prefix.resolve("proxied.save");
        CompletableFuture<Cli.Result> viaProxy = eventLoop(proxied);
        CompletableFuture<Cli.Result> viaDaemon = eventLoop(direct);
        Thread.sleep(1500); // both virsh processes register their callbacks before the first change
        ok(proxied, "suspend", NAME);
        ok(proxied, "resume", NAME);
        ok(proxied, "save", NAME, image.toString());
        assertEquals("shut off (saved)", state(direct, NAME));
        ok(proxied, "restore", image.toString());
        assertEquals("running (restored)", state(proxied, NAME));
        String proxiedEvents = viaProxy.get(30, TimeUnit.SECONDS).out();
        assertEquals(viaDaemon.get(30, TimeUnit.SECONDS).out(), proxiedEvents);
        for (String expected : List.of("Suspended Paused", "Resumed Unpaused", "Stopped Saved", "Started Restored")) {
            assertTrue(proxiedEvents.contains("for domain '" + NAME + "': " + expected), proxiedEvents);
        }
    }

    private static CompletableFuture<Cli.Result> eventLoop(String uri) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Cli.run(List.of("virsh", "-c", uri, "event", "--domain", NAME, "--event", "lifecycle",
                        "--loop", "--timeout", "12"), 30);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    @Order(7)
    void destroyAndUndefineThroughTheProxyAndTheEventsCameBack() throws Exception {
        ok(proxied, "destroy", NAME);
        ok(proxied, "undefine", NAME);
        TinyGuest.await(() -> events.of(NAME).contains("1 0"), Duration.ofSeconds(10), "events: " + events.lines());
        assertEquals(List.of("0 0", "4 0", "2 0", "3 0", "4 0", "3 0", "5 4", "2 2", "4 2", "6 2", "5 1", "1 0"),
                events.of(NAME).stream().filter(e -> !e.equals("reboot")).toList(), "all: " + events.lines());
    }

    @Test
    @Order(8)
    void schemesWithoutADaemonGetLibvirtsErrors() throws Exception {
        Cli.Result vbox = Cli.virsh("vbox+unix:///session?socket=" + proxy.socket(), "version");
        assertTrue(vbox.exit() != 0 && vbox.err().contains("Failed to connect socket to '"
                + proxy.socket().resolveSibling("virtvboxd-sock") + "': No such file or directory"), vbox.all());
        Cli.Result foo = Cli.virsh("foo+unix:///system?socket=" + proxy.socket(), "version");
        assertTrue(foo.exit() != 0 && foo.err().contains("no connection driver available for foo:///system"),
                foo.all());
        assertTrue(ok(proxied, "version").out().contains("Running hypervisor: QEMU"), "the proxy still serves");
    }

    @Test
    @Order(9)
    void aDaemonThatDiesEndsItsProxiedClientsAndTheProxyGoesOn() throws Exception {
        try (WireClient c = WireClient.connect(proxy.socket()).open("qemu:///system", 0)) {
            qemud.kill();
            long t0 = System.nanoTime();
            c.deadline(Duration.ofSeconds(5));
            assertNull(c.readPacket(), "the proxied connection ends");
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(1).toNanos(), "within a second");
        }
        Cli.Result missing = Cli.virsh(proxied, "version");
        assertTrue(missing.err().contains("Failed to connect socket to '" + qemud.socket() + "'"), missing.all());
        qemud.restart();
        assertTrue(ok(proxied, "version").out().contains("Running hypervisor: QEMU"));
    }
}
