package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdFileTest {
    @TempDir
    Path dir;

    @Test
    void nextIdOnlyGrowsAndSurvivesANewInstance() throws Exception {
        IdFile f = new IdFile(dir.resolve("qemu/next-id"));
        assertEquals(1, f.read());
        f.record(5);
        f.record(3);
        assertEquals(5, new IdFile(dir.resolve("qemu/next-id")).read());
        Files.writeString(dir.resolve("qemu/next-id"), "garbage");
        assertEquals(1, f.read());
    }
}
