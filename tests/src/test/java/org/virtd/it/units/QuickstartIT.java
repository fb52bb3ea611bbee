package org.virtd.it.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

/**
 * The README's first command, {@code bin/quickstart}: it leaves virtqemud and virtproxyd running
 * under the prefix and prints {@code virsh} lines that work as printed; a second run changes
 * nothing; {@code stop} stops both. The build step is skipped (this runs inside the build).
 */
class QuickstartIT {
    private static final Pattern VIRSH_LINE = Pattern.compile("(?m)^  (virsh -c '[^']+' [a-z -]+)$");

    @TempDir
    Path prefix;

    private ToolRun quickstart(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(VirtqemudProcess.repo().resolve("bin/quickstart").toString()));
        cmd.addAll(List.of(args));
        return ToolRun.run(cmd, Path.of("/tmp"),
                Map.of("VIRTD_PREFIX", prefix.toString(), "VIRTD_QUICKSTART_BUILD", "never",
                        "VIRTD_QUICKSTART_ACCOUNT", "never"), 120); // a test leaves the host's accounts alone
    }

    @AfterEach
    void stopDaemons() throws Exception {
        quickstart("stop");
    }

    @Test
    void startsBothDaemonsAndPrintsVirshLinesThatWork() throws Exception {
        Cli.requireTool("virsh");
        ToolRun first = quickstart();
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.stdout().contains("virtqemud: started"), first.stdout());
        assertTrue(first.stdout().contains("virtproxyd: started"), first.stdout());
        Matcher m = VIRSH_LINE.matcher(first.stdout());
        int lines = 0;
        while (m.find()) {
            ToolRun virsh = ToolRun.run(List.of("sh", "-c", m.group(1)), Path.of("/tmp"), Map.of(), 60);
            assertEquals(0, virsh.exit(), m.group(1) + ": " + virsh);
            lines++;
        }
        assertEquals(2, lines, "virsh lines printed:\n" + first.stdout());
        String qemuPid = Files.readString(prefix.resolve("run/virtqemud.pid")).strip();
        String proxyPid = Files.readString(prefix.resolve("run/virtproxyd.pid")).strip();

        ToolRun again = quickstart();
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.stdout().contains("virtqemud: already running (pid " + qemuPid + ")"), again.stdout());
        assertTrue(again.stdout().contains("virtproxyd: already running (pid " + proxyPid + ")"), again.stdout());

        ToolRun stop = quickstart("stop");
        assertEquals(0, stop.exit(), stop.toString());
        assertTrue(stop.stdout().contains("virtqemud: stopped"), stop.stdout());
        assertTrue(ProcessHandle.of(Long.parseLong(qemuPid)).map(p -> !p.isAlive()).orElse(true));
        assertTrue(ProcessHandle.of(Long.parseLong(proxyPid)).map(p -> !p.isAlive()).orElse(true));
    }
}
