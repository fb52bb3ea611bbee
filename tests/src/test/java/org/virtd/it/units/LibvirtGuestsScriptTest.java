package org.virtd.it.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.LibvirtGuestsRun;

/**
 * bin/libvirt-guests without any daemon: exit statuses systemd sees for bad settings and usage,
 * status, and start honouring ON_BOOT and URIS for a recorded list. The guest handling itself
 * is tested with real guests (LibvirtGuestsTest, VboxLibvirtGuestsIT).
 */
class LibvirtGuestsScriptTest {
    @TempDir
    Path prefix;
    LibvirtGuestsRun guests;

    @BeforeEach
    void setUp() {
        guests = new LibvirtGuestsRun(prefix, Map.of());
    }

    @Test
    void invalidSettingsExitSixNamingTheKeyAndDoNothing() throws Exception {
        guests.configure("ON_SHUTDOWN=hibernate", "SHUTDOWN_TIMEOUT=-1");
        Cli.Result r = guests.run("stop", 30);
        assertEquals(6, r.exit(), r.out());
        assertTrue(r.out().contains("ON_SHUTDOWN=hibernate (suspend or shutdown)"), r.out());
        assertTrue(r.out().contains("SHUTDOWN_TIMEOUT=-1"), r.out());
        assertFalse(Files.exists(guests.listFile()));
    }

    @Test
    void unknownCommandExitsTwo() throws Exception {
        Cli.Result r = guests.run("hibernate", 30);
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.out().startsWith("Usage: libvirt-guests start|stop|status"), r.out());
    }

    @Test
    void statusFollowsStartAndStop() throws Exception {
        Cli.Result before = guests.run("status", 30);
        assertEquals(3, before.exit());
        assertEquals("stopped, with no saved guests\n", before.out());
        // no daemon runs under this prefix: nothing to save, nothing recorded
        Cli.Result stop = guests.run("stop", 60);
        assertEquals(0, stop.exit(), stop.out());
        assertTrue(stop.out().contains("virtqemud-sock: cannot connect, skipped\n"), stop.out());
        assertFalse(Files.exists(guests.listFile()));
        Cli.Result start = guests.run("start", 30);
        assertEquals(0, start.exit(), start.out());
        assertEquals("no guests recorded by libvirt-guests stop: nothing to start\n", start.out());
        assertEquals("started\n", guests.run("status", 30).out());
    }

    @Test
    void onBootIgnoreDropsTheRecordWithoutStartingAnything() throws Exception {
        record("qemu:///nowhere 11111111-2222-3333-4444-555555555555");
        guests.configure("ON_BOOT=ignore");
        Cli.Result r = guests.run("start", 30);
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().startsWith("ON_BOOT=ignore: not starting"), r.out());
        assertFalse(Files.exists(guests.listFile()));
    }

    @Test
    void startLeavesGuestsOfUrisNoLongerConfigured() throws Exception {
        record("qemu:///nowhere 11111111-2222-3333-4444-555555555555");
        guests.configure("URIS=test:///default");
        Cli.Result r = guests.run("start", 30);
        assertEquals(0, r.exit(), r.out());
        assertEquals("qemu:///nowhere: not in URIS, its guests are not started\n", r.out());
    }

    private void record(String line) throws Exception {
        Files.createDirectories(guests.listFile().getParent());
        Files.writeString(guests.listFile(), line + "\n");
    }
}
