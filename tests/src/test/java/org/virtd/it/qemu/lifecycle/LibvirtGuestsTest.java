package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.LibvirtGuestsRun;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;
import static org.virtd.it.qemu.lifecycle.Guests.state;

/**
 * Issue 15: {@code bin/libvirt-guests} against a real virtqemud with two tiny guests, one
 * persistent ("keep") and one transient ("temp"). Suspend saves the persistent one (managed save
 * image, no QEMU left) and shuts the transient one down; start brings back only what stop saved,
 * its console still answering; shutdown mode stops both within SHUTDOWN_TIMEOUT and reports a
 * guest that ignores the ACPI button, left running once the timeout is over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibvirtGuestsTest {
    private static final String MARK = "GUESTS-KEPT-$((6*7))";
    private static final String MARK_OUT = "GUESTS-KEPT-42";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static String uri;
    static TinyGuest guest;
    static LibvirtGuestsRun guests;

    @BeforeAll
    static void start() throws Exception {
        guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        guests = new LibvirtGuestsRun(prefix, Map.of());
        ok(uri, "define", guest.xmlFile("keep", prefix).toString());
        ok(uri, "start", "keep");
        ok(uri, "create", guest.xmlFile("temp", prefix).toString());
        // stopped by its admin before the host shutdown: start must leave it stopped
        ok(uri, "define", guest.xmlFile("idle", prefix).toString());
        TinyGuest.awaitBoots(prefix, "keep", 1, Duration.ofSeconds(60));
        TinyGuest.awaitBoots(prefix, "temp", 1, Duration.ofSeconds(60));
        assertTrue(console("echo " + MARK + " > /tmp/mark; cat /tmp/mark", MARK_OUT).contains("seen True"));
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Order(1)
    void suspendSavesThePersistentGuestAndShutsDownTheTransientOne() throws Exception {
        // no URIS: the default names every daemon under the prefix (virtvboxd is not running here)
        guests.configure("ON_SHUTDOWN=suspend", "SHUTDOWN_TIMEOUT=60");
        Cli.Result r = guests.run("stop", 180);
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("running guests: keep, temp\n"), r.out());
        assertTrue(r.out().contains("keep: saved after"), r.out());
        assertTrue(r.out().contains("temp: transient, cannot be saved: shutting it down\n"), r.out());
        assertTrue(r.out().matches("(?s).*temp: shut down after \\d+ s\n.*"), r.out());
        assertTrue(r.out().contains("virtvboxd-sock: cannot connect, skipped\n"), r.out());

        assertEquals("shut off (saved)", state(uri, "keep"));
        assertTrue(Files.isRegularFile(prefix.resolve("var/lib/libvirt/qemu/save/keep.save")));
        assertTrue(Guests.qemusUnder(prefix).isEmpty(), "no QEMU left: " + Guests.qemusUnder(prefix));
        assertEquals(List.of("idle", "keep"), names(), "the transient guest is gone");
        assertTrue(Files.readString(guests.listFile()).startsWith(uri + " "), "the list names the URI");

        Cli.Result status = guests.run("status", 30);
        assertEquals(3, status.exit(), status.out());
        assertEquals("stopped, with saved guests\n", status.out());
        Cli.Result again = guests.run("stop", 30);
        assertEquals(0, again.exit(), again.out());
        assertTrue(again.out().contains("waiting for start: nothing to do"), again.out());
    }

    @Test
    @Order(2)
    void startBringsBackOnlyWhatStopSaved() throws Exception {
        Cli.Result r = guests.run("start", 120);
        assertEquals(0, r.exit(), r.out());
        assertEquals("keep: started\n", r.out());
        assertEquals("running (restored)", state(uri, "keep"));
        assertTrue(console("cat /tmp/mark", MARK_OUT).contains("seen True"), "the console answers, state kept");
        assertEquals(0, TinyGuest.boots(prefix, "keep"), "resumed, not booted again");
        assertEquals("shut off (unknown)", state(uri, "idle"));
        assertFalse(Files.exists(guests.listFile()), "start consumes the list");
        Cli.Result status = guests.run("status", 30);
        assertEquals(0, status.exit(), status.out());
        assertEquals("started\n", status.out());
    }

    @Test
    @Order(3)
    void shutdownStopsBothWithinTheTimeoutAndReportsAGuestIgnoringAcpi() throws Exception {
        ok(uri, "create", guest.xmlFile("temp", prefix).toString());
        Path stuck = prefix.resolve("stuck.xml");
        Files.writeString(stuck, guest.xml("stuck", prefix)
                .replace("quiet</cmdline>", "quiet tiny.ignore_acpi</cmdline>"));
        ok(uri, "create", stuck.toString());
        TinyGuest.awaitBoots(prefix, "temp", 1, Duration.ofSeconds(60));
        TinyGuest.awaitBoots(prefix, "stuck", 1, Duration.ofSeconds(60));
        guests.configure("URIS=" + uri, "ON_SHUTDOWN=shutdown", "SHUTDOWN_TIMEOUT=12", "PARALLEL_SHUTDOWN=3");

        long t0 = System.nanoTime();
        Cli.Result r = guests.run("stop", 120);
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().matches("(?s).*keep: shut down after \\d+ s\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*temp: shut down after \\d+ s\n.*"), r.out());
        assertTrue(r.out().contains("stuck: FAILED: still running after SHUTDOWN_TIMEOUT=12 s, left running\n"),
                r.out());
        assertTrue(seconds >= 12 && seconds < 60, "waited the timeout, not more: " + seconds + " s");
        assertEquals("shut off (shutdown)", state(uri, "keep"));
        assertEquals("running (booted)", state(uri, "stuck"));
        assertEquals(List.of("idle", "keep", "stuck"), names());
        // only the persistent guest is recorded for the next start
        assertEquals(uri + " " + ok(uri, "domuuid", "keep").out().strip(),
                Files.readString(guests.listFile()).strip());
        ok(uri, "destroy", "stuck");
    }

    private static List<String> names() throws Exception {
        return Stream.of(ok(uri, "list", "--all", "--name").out().strip().split("\n+")).sorted().toList();
    }

    private static String console(String command, String expect) throws Exception {
        return Guests.console(uri, "keep", prefix, command, expect);
    }
}
