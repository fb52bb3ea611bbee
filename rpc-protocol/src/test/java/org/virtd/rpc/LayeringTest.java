package org.virtd.rpc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rpc-protocol is pure data: the JDK, Netty's buffers and itself; no I/O, threads or logging libraries. */
class LayeringTest {

    @Test
    void onlyJdkAndBuffers() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String what = line.startsWith("import ") ? line.substring(7).replace("static ", "").trim() : null;
                    if (what != null && !(what.startsWith("java.") || what.startsWith("io.netty.buffer.")
                            || what.startsWith("org.virtd.rpc."))) {
                        violations.add(f + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
