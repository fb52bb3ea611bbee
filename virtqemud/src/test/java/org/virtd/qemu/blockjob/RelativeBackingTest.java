package org.virtd.qemu.blockjob;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelativeBackingTest {
    @TempDir
    Path dir;

    @Test
    void theDirectoryPartKeepsItsSlash() {
        assertEquals("", RelativeBacking.directoryPart(""));
        assertEquals("", RelativeBacking.directoryPart("a.qcow2"));
        assertEquals("sub/", RelativeBacking.directoryPart("sub/a.qcow2"));
        assertEquals("sub/../", RelativeBacking.directoryPart("sub/../b.qcow2"));
    }

    @Test
    void anImageWithoutAHeaderLinkCannotKeepTheChainRelative() throws Exception {
        Path raw = dir.resolve("raw.img");
        Files.write(raw, new byte[512]);
        List<DiskImages.Image> images = List.of(new DiskImages.Image("file", "raw", raw.toString(), 1),
                new DiskImages.Image("file", "qcow2", dir.resolve("b.qcow2").toString(), 2));
        VirtException e = assertThrows(VirtException.class, () -> RelativeBacking.name(images, 1, 1));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertTrue(e.getMessage().endsWith("can't keep relative backing relationship"), e.getMessage());
    }
}
