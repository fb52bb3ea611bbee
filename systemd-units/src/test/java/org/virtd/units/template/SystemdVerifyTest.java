package org.virtd.units.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.units.GenerateUnits;
import org.virtd.units.model.UnitFile;

/**
 * Installs every generated unit into a temporary root (ROOT/usr/lib/systemd/system, with the
 * ExecStart and ExecReload binaries present as stubs) and runs {@code systemd-analyze verify
 * --root=ROOT} on all of them. The run must exit 0 and print nothing.
 *
 * <p>Two things a real root would provide are supplied: the host's {@code *.target} units (our
 * units reference sysinit/sockets/multi-user/network targets, and verify loads the default
 * dependencies of every unit) and {@code /bin/kill}. {@code --man=no} is the one tolerated
 * relaxation: verify would run {@code man virtqemud(8)} against the host's man database, where our
 * pages are not installed; the pages are built and checked by the docs module, and the dist
 * install test verifies with them on MANPATH.
 */
class SystemdVerifyTest {

    @Test
    void everyGeneratedUnitPassesSystemdAnalyzeVerify(@TempDir Path root) throws Exception {
        Path analyze = requireTool("systemd-analyze");
        Map<String, UnitFile> units = new GenerateUnits(TemplateSource.classpath()).render(List.of(), InstallPaths.defaults());
        Path unitDir = root.resolve("usr/lib/systemd/system");
        GenerateUnits.write(unitDir, units);
        copyHostTargets(unitDir);
        for (String daemon : List.of("virtqemud", "virtvboxd", "virtproxyd", "libvirt-guests")) {
            stubExecutable(root.resolve("usr/sbin").resolve(daemon));
        }
        stubExecutable(root.resolve("bin/kill"));

        List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify", "--man=no", "--root=" + root));
        command.addAll(units.keySet());
        Path log = root.resolve("verify.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("systemd-analyze verify did not finish in 60 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output.strip(), "systemd-analyze verify printed warnings");
    }

    @Test
    void verifyCatchesABrokenUnit(@TempDir Path root) throws Exception {
        // guards the test above: a missing ExecStart binary must make verify fail
        Path analyze = requireTool("systemd-analyze");
        Map<String, UnitFile> units = new GenerateUnits(TemplateSource.classpath()).render(List.of("virtvboxd"),
                InstallPaths.defaults());
        Path unitDir = root.resolve("usr/lib/systemd/system");
        GenerateUnits.write(unitDir, units);
        copyHostTargets(unitDir);
        stubExecutable(root.resolve("bin/kill"));
        Path log = root.resolve("verify.out");
        Process p = new ProcessBuilder(analyze.toString(), "verify", "--man=no", "--root=" + root, "virtvboxd.service")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("systemd-analyze verify did not finish in 60 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(p.exitValue() != 0 && output.contains("/usr/sbin/virtvboxd"), output);
    }

    private static void copyHostTargets(Path unitDir) throws IOException {
        Path host = Stream.of("/usr/lib/systemd/system", "/lib/systemd/system").map(Path::of)
                .filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("no systemd unit directory on this host"));
        try (Stream<Path> files = Files.list(host)) {
            for (Path target : files.filter(f -> f.toString().endsWith(".target") && Files.isRegularFile(f)).toList()) {
                // ours first: the host may have libvirt's own virt-guest-shutdown.target
                if (!Files.exists(unitDir.resolve(target.getFileName()))) {
                    Files.copy(target, unitDir.resolve(target.getFileName()));
                }
            }
        }
    }

    private static void stubExecutable(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static Path requireTool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(name + " is not installed (Debian package systemd); CI must provide it");
        }
        Assumptions.abort(name + " is not installed; skipping");
        return null;
    }
}
