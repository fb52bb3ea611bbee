package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;
import static org.virtd.it.qemu.lifecycle.Guests.state;

/**
 * Guests outlive the daemon (qemu-driver.md §7): three guests running, the daemon SIGKILLed, one
 * QEMU killed while it is down; after a restart the two survivors run with the same ids, are
 * listed and shut down normally, the dead one is shut off, new ids continue above the old ones,
 * and an orderly daemon stop leaves guests running too.
 */
class RestartSafetyTest {
    private static final List<String> NAMES = List.of("keep1", "keep2", "victim");

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void cleanUp() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Timeout(420) // may first build the test guest, which TinyGuest bounds at 300 s
    void guestsSurviveADaemonKillAndADeadOneEndsShutOff() throws Exception {
        TinyGuest guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Map<String, String> ids = new HashMap<>();
        for (String n : NAMES) {
            ok(uri, "define", guest.xmlFile(n, prefix).toString());
            ok(uri, "start", n);
            ids.put(n, ok(uri, "domid", n).out().trim());
        }
        for (String n : NAMES) {
            TinyGuest.awaitBoots(prefix, n, 1, Duration.ofSeconds(40));
        }
        List<Long> qemus = Guests.qemusUnder(prefix);
        assertEquals(3, qemus.size(), "three QEMUs");

        daemon.kill();
        long victimPid = Long.parseLong(Files.readString(daemon.runDir().resolve("qemu/victim.pid")).trim());
        ProcessHandle victim = ProcessHandle.of(victimPid).orElseThrow();
        victim.destroyForcibly();
        victim.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        daemon.restart();

        Cli.Result list = ok(uri, "list");
        for (String n : List.of("keep1", "keep2")) {
            assertEquals(ids.get(n), ok(uri, "domid", n).out().trim(), n + " keeps its id");
            assertTrue(list.out().matches("(?s).*\\s" + ids.get(n) + "\\s+" + n + "\\s+running.*"), list.out());
            assertEquals("running (booted)", state(uri, n));
        }
        assertTrue(state(uri, "victim").startsWith("shut off"), state(uri, "victim"));
        assertFalse(Files.exists(daemon.runDir().resolve("qemu/victim.xml")), "dead domain's status file removed");

        ok(uri, "shutdown", "keep1");
        TinyGuest.await(() -> Guests.stateIs(uri, "keep1", "shut off (shutdown)"), Duration.ofSeconds(20),
                "re-attached guest did not shut down");
        ok(uri, "start", "victim");
        int next = Integer.parseInt(ok(uri, "domid", "victim").out().trim());
        assertTrue(next > 3, "ids continue after the restart: " + next);

        daemon.close();
        assertEquals(2, Guests.qemusUnder(prefix).size(), "an orderly daemon stop leaves guests running");
        daemon.restart();
        assertEquals("running (booted)", state(uri, "keep2"));
        ok(uri, "destroy", "keep2");
        ok(uri, "destroy", "victim");
        assertTrue(Guests.qemusUnder(prefix).isEmpty());
    }
}
