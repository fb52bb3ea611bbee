package org.virtd.it.units;

import org.junit.jupiter.api.Test;
import org.virtd.it.harness.VirtqemudProcess;
import org.virtd.rpc.testing.PackageCycles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No module has a package import cycle (each module's own layering test states its directions;
 * this one also covers modules too small to have one, and any module added later).
 */
class PackageCyclesTest {

    @Test
    void noModuleHasAPackageCycle() throws IOException {
        Path repo = VirtqemudProcess.repo();
        List<String> found = new ArrayList<>();
        int modules = 0;
        try (Stream<Path> dirs = Files.list(repo)) {
            for (Path m : dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java"))).sorted().toList()) {
                modules++;
                for (String cycle : PackageCycles.in(m.resolve("src/main/java"))) {
                    found.add(m.getFileName() + ": " + cycle);
                }
            }
        }
        assertTrue(modules >= 7, "found only " + modules + " modules under " + repo);
        assertEquals(List.of(), found);
    }
}
