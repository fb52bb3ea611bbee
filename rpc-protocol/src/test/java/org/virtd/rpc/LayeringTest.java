package org.virtd.rpc;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.testing.PackageCycles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * rpc-protocol is pure data: the JDK, Netty's buffers and itself; no I/O, threads or logging
 * libraries. Its packages form layers, so no package reaches back into one that uses it
 * (a program's types never import the program's declarations).
 */
class LayeringTest {

    private static final Path SRC = Path.of("src/main/java");

    @Test
    void onlyJdkAndBuffers() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            for (String line : Files.readAllLines(f)) {
                String what = line.startsWith("import ") ? line.substring(7).replace("static ", "").trim() : null;
                if (what != null && !(what.startsWith("java.") || what.startsWith("io.netty.buffer.")
                        || what.startsWith("org.virtd.rpc."))) {
                    violations.add(f + ": " + line);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noPackageCycles() throws IOException {
        assertEquals(List.of(), PackageCycles.in(SRC));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SRC)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
