package org.virtd.it.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install.sh --destdir lays out a working tree whose units pass systemd-analyze verify. */
class DistInstallIT {

    private static final Set<String> UNITS = Set.of(
            "virtqemud.service", "virtqemud.socket", "virtqemud-ro.socket", "virtqemud-admin.socket",
            "virtvboxd.service", "virtvboxd.socket", "virtvboxd-ro.socket", "virtvboxd-admin.socket",
            "virtproxyd.service", "virtproxyd.socket", "virtproxyd-ro.socket", "virtproxyd-admin.socket",
            "virtproxyd-tcp.socket", "virtproxyd-tls.socket", "libvirt-guests.service", "virt-guest-shutdown.target");

    @TempDir
    static Path work;
    private static InstalledTree tree;

    @BeforeAll
    static void install() throws Exception {
        tree = InstalledTree.install(work);
    }

    @Test
    void installPrintsHowToEnableSocketActivation() {
        for (String d : List.of("virtqemud", "virtvboxd", "virtproxyd")) {
            assertTrue(tree.install.stdout().contains("systemctl enable --now " + d + ".socket"), tree.install.toString());
        }
        assertTrue(tree.install.stdout().contains("systemctl daemon-reload"), tree.install.toString());
    }

    @Test
    void installedTreeHasWrappersJarsUnitsAndManPages() throws IOException {
        for (String d : List.of("virtqemud", "virtvboxd", "virtproxyd")) {
            assertTrue(Files.isExecutable(tree.sbin(d)), tree.sbin(d) + " not executable");
            assertTrue(Files.isExecutable(tree.root.resolve("usr/lib/virtd-java/bin").resolve(d)), d + " launcher");
            assertTrue(Files.isRegularFile(tree.root.resolve("usr/share/man/man8").resolve(d + ".8")), d + "(8)");
            assertTrue(Files.isRegularFile(tree.libDir().resolve(d + "-" + version() + ".jar")), d + " jar");
        }
        assertTrue(Files.isRegularFile(tree.libDir().resolve("systemd-units-" + version() + ".jar")));
        try (Stream<Path> units = Files.list(tree.unitDir())) {
            assertEquals(new TreeSet<>(UNITS), units.map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new)), "no stray files in the unit dir");
        }
        for (String unit : UNITS) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(tree.unitDir().resolve(unit))));
        }
        String service = Files.readString(tree.unitDir().resolve("virtqemud.service"));
        assertTrue(service.contains("\nExecStart=/usr/sbin/virtqemud $VIRTQEMUD_ARGS\n"), service);
        assertTrue(service.contains("\nEnvironmentFile=-/etc/default/virtqemud\n"), service);
        try (Stream<Path> confs = Files.list(tree.unpacked.resolve("etc/libvirt")).filter(p -> p.toString().endsWith(".conf"))) {
            for (Path conf : confs.toList()) {
                assertEquals(Files.readString(conf), Files.readString(tree.root.resolve("etc/libvirt").resolve(conf.getFileName())));
            }
        } catch (java.nio.file.NoSuchFileException noConfigShipped) {
            // daemon-core/src/main/dist/etc/libvirt not there yet: nothing to compare
        }
    }

    @Test
    void installedUnitsPassSystemdAnalyzeVerifyWithTheirManPages() throws Exception {
        Path analyze = ToolRun.requireTool("systemd-analyze", "systemd");
        ToolRun.requireTool("man", "man-db");
        // what a real root provides: the standard targets and /bin/kill (ExecReload)
        try (Stream<Path> targets = Files.list(hostUnitDir())) {
            for (Path t : targets.filter(f -> f.toString().endsWith(".target") && Files.isRegularFile(f)).toList()) {
                if (!Files.exists(tree.unitDir().resolve(t.getFileName()))) { // ours, not the host's libvirt one
                    Files.copy(t, tree.unitDir().resolve(t.getFileName()));
                }
            }
        }
        Files.createDirectories(tree.root.resolve("bin"));
        Files.copy(Path.of("/bin/kill"), tree.root.resolve("bin/kill"));
        List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify", "--root=" + tree.root));
        command.addAll(new TreeSet<>(UNITS));
        // Documentation=man:NAME(8) is checked with man(1) on the host: point it at the installed pages
        ToolRun verify = ToolRun.run(command, work, Map.of("MANPATH", tree.root.resolve("usr/share/man").toString()), 120);
        assertEquals(0, verify.exit(), verify.toString());
        assertEquals("", (verify.stdout() + verify.stderr()).strip(), "systemd-analyze verify printed warnings");
    }

    @Test
    void sbinWrapperRunsFromAnyDirectory() throws Exception {
        assertTrue(tree.hasEntryPoint("virtqemud", "org.virtd.qemu.Main"), "the installed tree has no virtqemud");
        ToolRun version = ToolRun.run(List.of(tree.sbin("virtqemud").toString(), "--version"), Path.of("/tmp"), Map.of(), 60);
        assertEquals(0, version.exit(), version.toString());
        // run by a path not on PATH: that path, as libvirt prints argv[0]
        assertEquals(tree.sbin("virtqemud") + " (libvirt) 9.0.0\n", version.stdout());
    }

    /** Run as an admin does, by name from PATH: every message says the daemon's name, never the launcher's path. */
    @Test
    void installedDaemonsSpeakUnderTheirOwnName() throws Exception {
        // a prefix of its own: a bad option is a start as far as the launcher knows (it trains its
        // class-data archive), and tests never write below /var
        Map<String, String> env = Map.of("PATH", tree.sbin("virtqemud").getParent() + ":/usr/bin:/bin",
                "VIRTD_PREFIX", work.resolve("prefix").toString());
        for (String d : List.of("virtqemud", "virtvboxd", "virtproxyd")) {
            ToolRun version = ToolRun.run(List.of("sh", "-c", d + " --version"), Path.of("/tmp"), env, 60);
            assertEquals(d + " (libvirt) 9.0.0\n", version.stdout(), version.toString());
            ToolRun help = ToolRun.run(List.of("sh", "-c", d + " --help"), Path.of("/tmp"), env, 60);
            assertTrue(help.stderr().contains("\n  " + d + " [options]\n"), help.toString());
            ToolRun bad = ToolRun.run(List.of("sh", "-c", d + " -x"), Path.of("/tmp"), env, 60);
            assertEquals(1, bad.exit(), bad.toString());
            assertTrue(bad.stderr().startsWith(d + ": "), bad.toString());
            assertTrue(!(version.stdout() + help.stderr() + bad.stderr()).contains("lib/virtd-java"), d);
        }
    }

    @Test
    void libvirtGuestsIsInstalledWithItsSettingsAndState() throws Exception {
        Path script = tree.root.resolve("usr/lib/virtd-java/bin/libvirt-guests");
        assertTrue(Files.isExecutable(script));
        assertEquals(Path.of("../lib/virtd-java/bin/libvirt-guests"), Files.readSymbolicLink(tree.sbin("libvirt-guests")));
        String text = Files.readString(script);
        assertTrue(text.contains("\ninitconfdir=/etc/default\nlocalstatedir=/var\nrunstatedir=/run\n"), text);
        assertTrue(Files.readString(tree.root.resolve("etc/default/libvirt-guests")).contains("#ON_SHUTDOWN=suspend"));
        String unit = Files.readString(tree.unitDir().resolve("libvirt-guests.service"));
        assertTrue(unit.contains("\nExecStop=/usr/sbin/libvirt-guests stop\n"), unit);
        assertTrue(Files.isRegularFile(tree.root.resolve("usr/share/man/man8/libvirt-guests.8")), "libvirt-guests(8)");
        assertTrue(tree.install.stdout().contains("systemctl enable --now libvirt-guests.service"), tree.install.toString());
        assertTrue(Files.readString(tree.root.resolve("usr/share/doc/virtd-java/LICENSE"))
                .contains("GNU LESSER GENERAL PUBLIC LICENSE"), "the licence is installed");
    }

    private static Path hostUnitDir() {
        return Stream.of("/usr/lib/systemd/system", "/lib/systemd/system").map(Path::of)
                .filter(Files::isDirectory).findFirst().orElseThrow();
    }

    private static String version() {
        String tarball = Path.of(System.getProperty("virtd.dist.tarball", "virtd-java-0.1.0-SNAPSHOT.tar.gz"))
                .getFileName().toString();
        return tarball.substring("virtd-java-".length(), tarball.length() - ".tar.gz".length());
    }
}
