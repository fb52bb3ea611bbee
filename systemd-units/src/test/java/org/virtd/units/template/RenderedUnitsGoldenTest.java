package org.virtd.units.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtd.units.GenerateUnits;
import org.virtd.units.model.UnitFile;

/**
 * Every unit rendered for the default paths equals its golden copy in src/test/resources/golden.
 * After an intended template change run with {@code -Dvirtd.regenerate=true}, then review the diff.
 */
class RenderedUnitsGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void renderedUnitsMatchGoldenFiles() throws Exception {
        Map<String, UnitFile> units = new GenerateUnits(TemplateSource.classpath())
                .render(java.util.List.of(), InstallPaths.defaults());
        if (Boolean.getBoolean("virtd.regenerate")) {
            GenerateUnits.write(GOLDEN, units);
        }
        for (Map.Entry<String, UnitFile> e : units.entrySet()) {
            Path golden = GOLDEN.resolve(e.getKey());
            assertTrue(Files.exists(golden), "no golden file " + golden + "; run with -Dvirtd.regenerate=true");
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), e.getValue().render(), e.getKey());
        }
        try (Stream<Path> files = Files.list(GOLDEN)) {
            Set<String> stale = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            stale.removeAll(units.keySet());
            assertEquals(Set.of(), stale, "golden files no longer rendered");
        }
    }

    @Test
    void buildWroteTheSameUnitsIntoTargetUnits() throws Exception {
        String dir = System.getProperty("virtd.units.dir");
        if (dir == null) {
            return; // run outside Maven (IDE): nothing was rendered by the build
        }
        Map<String, UnitFile> units = new GenerateUnits(TemplateSource.classpath())
                .render(java.util.List.of(), InstallPaths.defaults());
        for (Map.Entry<String, UnitFile> e : units.entrySet()) {
            assertEquals(e.getValue().render(), Files.readString(Path.of(dir, e.getKey())), e.getKey());
        }
    }
}
