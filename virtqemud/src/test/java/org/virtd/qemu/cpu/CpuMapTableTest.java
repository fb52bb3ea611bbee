package org.virtd.qemu.cpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our shipped CPU map table: regenerated from the installed libvirt map with
 * {@code -Dvirtd.regenerate=true} (and failing while stale), read back to the same map, and used
 * when libvirt's map is not installed; with neither, the map is empty (no host-model, no models).
 */
class CpuMapTableTest {
    private static final Path SHIPPED = Path.of("src/main/resources/org/virtd/qemu/cpu", CpuMapTable.RESOURCE);

    @Test
    void shippedTableIsTheInstalledMap() throws IOException {
        assumeTrue(Files.isRegularFile(CpuMap.DEFAULT_DIR.resolve("index.xml")), "libvirt's cpu_map is not installed");
        String fresh = CpuMapTable.write(CpuMap.load(CpuMap.DEFAULT_DIR));
        if (Boolean.getBoolean("virtd.regenerate")) {
            Files.writeString(SHIPPED, fresh, StandardCharsets.UTF_8);
        }
        assertEquals(fresh, Files.readString(SHIPPED), "stale: run with -Dvirtd.regenerate=true");
    }

    @Test
    void tableReadsBackToTheSameMap() throws IOException {
        CpuMap shipped = CpuMapTable.shipped().orElseThrow();
        assertEquals(Files.readString(SHIPPED), CpuMapTable.write(shipped));
        assertTrue(shipped.modelNames("x86").contains("EPYC"));
        assertFalse(shipped.modelNames("ppc64").isEmpty());
        X86Model epyc = shipped.model("EPYC").orElseThrow();
        assertEquals("AMD", epyc.vendor());
        assertTrue(epyc.bits().contains(shipped.feature("avx2").orElseThrow().bits()));
    }

    @Test
    void withoutLibvirtsMapTheShippedTableDecodes(@TempDir Path nothing) throws IOException {
        CpuMap map = CpuMap.loadOrShipped(nothing);
        assertFalse(map.models().isEmpty());
        X86Model g2 = map.model("Opteron_G2").orElseThrow();
        X86Decoder.Decoded d = new X86Decoder(map).decode(
                new X86Decoder.CpuData(g2.bits().copy(), "AMD", 15, 6), null, true);
        assertEquals("Opteron_G2", d.model());
        assertEquals(List.of(), d.features());
    }

    @Test
    void withNeitherTheMapIsEmpty() throws IOException {
        CpuMap none = CpuMapTable.read(new BufferedReader(new StringReader("")));
        assertTrue(none.models().isEmpty());
        assertTrue(CpuMap.load(Path.of("/nonexistent")).models().isEmpty());
    }
}
