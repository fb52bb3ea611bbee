package org.virtd.vbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The VirtualBox driver sees the protocol declarations, the driver SPI and the neutral domain model
 * (domain-conf's {@code org.virtd.conf}), never Netty or the server's insides; only {@code Main}
 * touches the daemon start-up code and names the kind of main server it runs.
 */
class LayeringTest {

    @Test
    void driverUsesOnlyTheSpi() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                boolean main = f.getFileName().toString().equals("Main.java");
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    String what = line.substring(7).replace("static ", "").trim();
                    boolean core = what.startsWith("org.virtd.core.");
                    boolean spi = what.startsWith("org.virtd.core.driver.");
                    if (what.startsWith("io.netty.") || core && !spi && !(main && startUp(what))) {
                        violations.add(f + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static boolean startUp(String imported) {
        return imported.startsWith("org.virtd.core.daemon.") || imported.equals("org.virtd.core.server.MainServer;");
    }
}
