package org.virtd.it.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Anchor;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;
import org.virtd.it.qemu.lifecycle.TinyGuest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * virt-manager (Debian's, under Xvfb) opens the graphical console of a running tiny guest with a
 * VGA display, once on libvirtd 9.0 and once on virtqemud: on ours the console must show the
 * guest's screen (SeaBIOS' light-grey text on black below the toolbar), its disk and memory
 * graphs must be fed (getAllDomainStats with the balloon and block groups answered, as by
 * libvirtd, without a stats error in its log) and the log must hold no error that libvirtd's run
 * does not hold too.
 */
class VirtManagerConsoleIT {
    private static final String NAME = "vmm-console";
    /** VGA text colour 7, as virt-manager draws the guest's text screen. */
    private static final int VGA_GREY = 0xa8a8a8;
    /** Below virt-manager's menu and tool bars at 1024x768. */
    private static final int CONSOLE_TOP = 80;

    /** VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_BLOCK: what the memory and disk graphs poll. */
    private static final int GRAPH_STATS = 4 | 32;

    private record Seen(boolean connected, int textPixels, List<String> errors, String log, List<Integer> statsCalls,
            List<String> statsErrors) {
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void consoleShowsTheGuestAndTheLogHasNoNewErrors(@TempDir Path tmp) throws Exception {
        TinyGuest guest = TinyGuest.get();
        Path prefix = tmp.resolve("ours");
        try (Xvfb x = Xvfb.start(tmp);
                Anchor anchor = Anchor.start(tmp.resolve("anchor"));
                VirtqemudProcess ours = VirtqemudProcess.start(prefix)) {
            Seen oracle = look(x, tmp.resolve("libvirtd"), anchor.uri(), anchor.socketDir(), guest);
            assertTrue(oracle.connected() && oracle.textPixels() > 100,
                    "the harness itself fails with libvirtd: " + oracle);
            Seen seen = look(x, tmp.resolve("virtqemud"),
                    "qemu+unix:///system?socket=" + prefix.resolve("run/libvirt/virtqemud-sock"),
                    prefix.resolve("run/libvirt"), guest);
            assertTrue(seen.connected(), "virt-manager's viewer did not connect:\n" + seen.log());
            assertTrue(seen.textPixels() > 100, "the console does not show the guest's screen (" + seen.textPixels()
                    + " text pixels; libvirtd: " + oracle.textPixels() + ")");
            assertEquals(List.of(), seen.errors().stream().filter(e -> !oracle.errors().contains(e)).toList(),
                    "errors virt-manager logs only with virtqemud");
            assertTrue(oracle.statsCalls().stream().anyMatch(f -> (f & GRAPH_STATS) == GRAPH_STATS),
                    "the harness itself does not see virt-manager poll the graphs' stats: " + oracle.statsCalls());
            assertTrue(seen.statsCalls().stream().anyMatch(f -> (f & GRAPH_STATS) == GRAPH_STATS),
                    "virt-manager did not poll the graphs' stats from virtqemud: " + seen.statsCalls());
            assertEquals(List.of(), seen.statsErrors(), "virt-manager's stats polling failed on virtqemud");
        }
    }

    private static Seen look(Xvfb x, Path work, String uri, Path socketDir, TinyGuest guest)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path xml = work.resolve(NAME + ".xml");
        Files.writeString(xml, guest.xml(NAME, work).replace("</devices>",
                "  <graphics type='vnc' autoport='yes'/>\n    <video><model type='vga'/></video>\n  </devices>"));
        Cli.Result created = Cli.virsh(uri, "create", xml.toString());
        assertEquals(0, created.exit(), created.all());
        try (VirtManagerRun vm = VirtManagerRun.showConsole(work, x.display(), socketDir, NAME)) {
            boolean connected = vm.awaitViewer();
            Thread.sleep(3000); // the viewer draws the first frames
            XwdImage shot = x.screenshot(work.resolve("screen.xwd"));
            List<Integer> stats = vm.awaitStatsCalls(Duration.ofSeconds(20));
            return new Seen(connected, shot.count(VGA_GREY, CONSOLE_TOP), vm.errors(), vm.log(), stats,
                    vm.statsErrors());
        } finally {
            Cli.virsh(uri, "destroy", NAME);
        }
    }
}
