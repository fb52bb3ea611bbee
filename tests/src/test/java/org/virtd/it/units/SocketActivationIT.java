package org.virtd.it.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed virtqemud, started by systemd-socket-activate exactly as systemd would start it from
 * the installed units: one listening socket per local socket unit, each passed under its unit's
 * name (LISTEN_FDNAMES), the socket paths taken from the units' ListenStream= and moved below a
 * private VIRTD_PREFIX. A real virsh must get a reply on the read-write and read-only sockets.
 */
class SocketActivationIT {

    private static final List<String> SOCKET_UNITS =
            List.of("virtqemud.socket", "virtqemud-ro.socket", "virtqemud-admin.socket");

    @TempDir
    Path work;

    @Test
    void virshGetsAReplyFromTheSocketActivatedDaemon() throws Exception {
        Path activate = ToolRun.requireTool("systemd-socket-activate", "systemd");
        Path virsh = ToolRun.requireTool("virsh", "libvirt-clients");
        InstalledTree tree = InstalledTree.install(work);
        assertTrue(tree.hasEntryPoint("virtqemud", "org.virtd.qemu.Main"), "the installed tree has no virtqemud");

        Path prefix = Files.createDirectories(work.resolve("prefix"));
        Map<String, Path> sockets = privateSocketPaths(tree, prefix);
        List<String> command = new ArrayList<>(List.of(activate.toString()));
        sockets.values().forEach(p -> command.addAll(List.of("-l", p.toString())));
        command.add("--fdname=" + String.join(":", sockets.keySet()));
        for (String env : List.of("VIRTD_PREFIX=" + prefix, "PATH", "JAVA_HOME", "HOME")) {
            command.addAll(List.of("-E", env));
        }
        command.add(tree.sbin("virtqemud").toString());

        Path log = work.resolve("daemon.log");
        Process daemon = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            awaitSockets(daemon, sockets, log);
            Path rw = sockets.get("virtqemud.socket");
            Path ro = sockets.get("virtqemud-ro.socket");
            ToolRun version = virsh(virsh, "qemu+unix:///system?socket=" + rw, false);
            assertEquals(0, version.exit(), version + "\n--- daemon log\n" + Files.readString(log));
            assertTrue(version.stdout().contains("Running hypervisor"), version.toString());
            ToolRun readOnly = virsh(virsh, "qemu+unix:///system?socket=" + ro, true);
            assertEquals(0, readOnly.exit(), readOnly + "\n--- daemon log\n" + Files.readString(log));
        } finally {
            stop(daemon);
        }
    }

    /** unit name → socket path: the unit's ListenStream= with its /run moved below {@code prefix}. */
    private static Map<String, Path> privateSocketPaths(InstalledTree tree, Path prefix) throws IOException {
        Map<String, Path> sockets = new LinkedHashMap<>();
        for (String unit : SOCKET_UNITS) {
            String listen = Files.readAllLines(tree.unitDir().resolve(unit)).stream()
                    .filter(l -> l.startsWith("ListenStream=")).findFirst()
                    .orElseThrow(() -> new AssertionError(unit + " has no ListenStream="))
                    .substring("ListenStream=".length());
            assertTrue(listen.startsWith("/run/libvirt/"), unit + ": " + listen);
            Path path = prefix.resolve(listen.substring(1));
            Files.createDirectories(path.getParent());
            sockets.put(unit, path);
        }
        return sockets;
    }

    private static void awaitSockets(Process activator, Map<String, Path> sockets, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!sockets.values().stream().allMatch(Files::exists)) {
            if (!activator.isAlive()) {
                fail("systemd-socket-activate exited " + activator.exitValue() + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                fail("sockets not created in 20 s:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    private ToolRun virsh(Path virsh, String uri, boolean readOnly) throws Exception {
        List<String> command = new ArrayList<>(List.of(virsh.toString()));
        if (readOnly) {
            command.add("-r");
        }
        command.addAll(List.of("-c", uri, "version"));
        Path home = Files.createDirectories(work.resolve("client-home"));
        return ToolRun.run(command, work, Map.of("HOME", home.toString(), "XDG_CACHE_HOME", home.resolve("cache").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString()), 90);
    }

    /** SIGTERM (the activator exec'd into the daemon, same pid), then SIGKILL after 15 s. */
    private static void stop(Process daemon) throws InterruptedException {
        daemon.destroy();
        if (!daemon.waitFor(15, TimeUnit.SECONDS)) {
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
