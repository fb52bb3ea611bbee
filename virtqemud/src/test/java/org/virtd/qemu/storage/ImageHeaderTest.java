package org.virtd.qemu.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageHeaderTest {

    @Test
    void qcow2BackingNameAndFormat(@TempDir Path dir) throws Exception {
        Path p = Qcow2Images.create(dir.resolve("a"), "base.qcow2", "qcow2");
        assertEquals(new ImageHeader("qcow2", "base.qcow2", "qcow2"), ImageHeader.read(p));
        assertEquals(new ImageHeader("qcow2", "../b", null),
                ImageHeader.read(Qcow2Images.create(dir.resolve("b"), "../b", null)));
        assertEquals(new ImageHeader("qcow2", null, null),
                ImageHeader.read(Qcow2Images.create(dir.resolve("c"), null, null)));
    }

    @Test
    void anythingElseIsRaw(@TempDir Path dir) throws Exception {
        assertEquals(new ImageHeader("raw", null, null), ImageHeader.read(Files.write(dir.resolve("r"), new byte[10])));
        assertEquals(new ImageHeader("raw", null, null),
                ImageHeader.read(Files.write(dir.resolve("e"), new byte[0])));
    }

    @Test
    void relativeNamesAreTakenFromTheImagesDirectory() {
        assertEquals(Path.of("/d/sub/b.qcow2"), ChainDetector.resolve(Path.of("/d/sub/t.qcow2"), "b.qcow2"));
        assertEquals(Path.of("/abs/b"), ChainDetector.resolve(Path.of("/d/t.qcow2"), "/abs/b"));
    }
}
