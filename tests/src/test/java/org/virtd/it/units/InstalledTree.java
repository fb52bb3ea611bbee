package org.virtd.it.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The distribution tarball unpacked and installed with {@code install.sh --destdir ROOT --prefix /usr
 * --sysconfdir /etc}: paths of the staged tree and what the install printed.
 */
final class InstalledTree {

    final Path unpacked;
    final Path root;
    final ToolRun install;

    private InstalledTree(Path unpacked, Path root, ToolRun install) {
        this.unpacked = unpacked;
        this.root = root;
        this.install = install;
    }

    /** Unpacks the tarball named by system property virtd.dist.tarball below {@code work} and installs it. */
    static InstalledTree install(Path work) throws IOException, InterruptedException {
        Path tarball = Path.of(System.getProperty("virtd.dist.tarball", "../dist/target/virtd-java.tar.gz"));
        assertTrue(Files.isRegularFile(tarball), tarball + " missing: build it with mvn package (module dist)");
        Path unpackDir = Files.createDirectories(work.resolve("unpacked"));
        ToolRun tar = ToolRun.run(List.of("tar", "xzf", tarball.toAbsolutePath().toString(), "-C", unpackDir.toString()),
                work, Map.of(), 60);
        assertEquals(0, tar.exit(), tar.toString());
        Path unpacked;
        try (Stream<Path> top = Files.list(unpackDir)) {
            unpacked = top.findFirst().orElseThrow();
        }
        Path root = work.resolve("root");
        // run from an unrelated directory: install.sh must not depend on the caller's cwd
        ToolRun install = ToolRun.run(List.of(unpacked.resolve("install.sh").toString(), "--destdir", root.toString(),
                "--prefix", "/usr", "--sysconfdir", "/etc"), Path.of("/"), Map.of(), 120);
        assertEquals(0, install.exit(), install.toString());
        return new InstalledTree(unpacked, root, install);
    }

    Path unitDir() {
        return root.resolve("usr/lib/systemd/system");
    }

    Path sbin(String daemon) {
        return root.resolve("usr/sbin").resolve(daemon);
    }

    Path libDir() {
        return root.resolve("usr/lib/virtd-java/lib");
    }

    /**
     * Whether the installed tree can start {@code daemon}: the tarball shipped a launcher for it or a
     * jar holds its entry point. False while the daemon's CLI is not merged yet.
     */
    boolean hasEntryPoint(String daemon, String mainClass) throws IOException {
        if (Files.exists(unpacked.resolve("bin").resolve(daemon))) {
            return true;
        }
        String entry = mainClass.replace('.', '/') + ".class";
        try (Stream<Path> jars = Files.list(libDir())) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.getEntry(entry) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
