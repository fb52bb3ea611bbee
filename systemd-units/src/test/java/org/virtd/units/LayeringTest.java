package org.virtd.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * systemd-units depends on nothing of ours and on no third-party library: main code may import only
 * the JDK and its own packages; model imports nothing of template/merge.
 */
class LayeringTest {

    @Test
    void importsStayWithinTheAllowList() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                boolean model = f.toString().contains("/units/model/");
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    String what = line.substring(7).replace("static ", "").trim();
                    boolean ok = what.startsWith("java.") || (model ? what.startsWith("org.virtd.units.model.")
                            : what.startsWith("org.virtd.units."));
                    if (!ok) {
                        violations.add(f + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
