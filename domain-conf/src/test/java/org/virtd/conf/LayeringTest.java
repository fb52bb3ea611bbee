package org.virtd.conf;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * domain-conf's fences (style.md, "Dependency direction"): no Netty, no daemon, and of
 * daemon-core only the driver SPI. Per package: {@code domain} is a leaf that sees the
 * protocol's error types and the JDK's XML parser; {@code state} sees the error types;
 * {@code secondary} sees the driver SPI, the REMOTE program's declarations and the error types
 * (its lookups answer libvirt's "not found" errors). No package imports
 * another of this module, so the three can never form a cycle.
 */
class LayeringTest {
    private static final String ROOT = "src/main/java/org/virtd/conf/";

    /** Beyond {@code java.} and its own package, what each package may import. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "domain", List.of("org.virtd.rpc.error.", "javax.xml.", "org.w3c.dom.", "org.xml.sax."),
            "state", List.of("org.virtd.rpc.error."),
            "secondary", List.of("org.virtd.core.driver.", "org.virtd.rpc.remote.", "org.virtd.rpc.error."));

    @Test
    void importsStayWithinTheirLayer() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(ROOT))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = f.toString().substring(ROOT.length()).split("/")[0];
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import ") && !allowed(pkg, line.substring(7).replace("static ", "").trim())) {
                        violations.add(f + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageIsKnownHere() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(ROOT))) {
            assertEquals(ALLOWED.keySet(), dirs.map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet()));
        }
    }

    private static boolean allowed(String pkg, String imported) {
        if (imported.startsWith("java.") || imported.startsWith("org.virtd.conf." + pkg + ".")) {
            return true;
        }
        return ALLOWED.getOrDefault(pkg, List.of()).stream().anyMatch(imported::startsWith);
    }
}
