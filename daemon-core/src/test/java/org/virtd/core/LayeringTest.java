package org.virtd.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * daemon-core's fences (style.md, "Dependency direction"): Netty channels only in the transport,
 * activation and forwarding packages; the driver SPI imports no Netty and no other core package,
 * so drivers and their tests stay free of the server. The domain model lives in the domain-conf
 * module, which daemon-core never imports.
 */
class LayeringTest {
    private static final String ROOT = "src/main/java/org/virtd/core/";

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

    private static boolean allowed(String pkg, String imported) {
        boolean netty = imported.startsWith("io.netty.");
        boolean nettyChannel = imported.startsWith("io.netty.channel") || imported.startsWith("io.netty.bootstrap");
        boolean otherCore = imported.startsWith("org.virtd.core.") && !imported.startsWith("org.virtd.core." + pkg + ".");
        if (imported.startsWith("org.virtd.conf.")) {
            return false;
        }
        return switch (pkg) {
            case "driver" -> !netty && !otherCore;
            case "transport", "activation", "forward" -> true;
            default -> !nettyChannel;
        };
    }
}
