package org.virtd.qemu.saveimage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.qemu.config.ImageFormat;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** libvirt's save image header: layout, partial/complete magic, in-place XML edits, errors. */
class SaveImageTest {
    @TempDir
    Path dir;

    private Path write(SaveImage image, boolean complete) throws Exception {
        Path f = dir.resolve("img.save");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            SaveImage fixed = image.writePartial(ch);
            ch.write(ByteBuffer.wrap("QEVM-stream".getBytes(StandardCharsets.US_ASCII)));
            if (complete) {
                fixed.markComplete(ch);
            }
        }
        return f;
    }

    @Test
    void layoutIsLibvirts() throws Exception {
        Path f = write(SaveImage.create("<domain/>", "<cookie/>\n", true, ImageFormat.GZIP), true);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("LibvirtQemudSave", new String(b.array(), 0, 16, StandardCharsets.US_ASCII));
        assertEquals(2, b.getInt(16));
        int dataLen = b.getInt(20);
        assertEquals(10 + 11 + 64 * 1024, dataLen, "XML and cookie with their NULs, 64 KiB to spare");
        assertEquals(1, b.getInt(24));
        assertEquals(1, b.getInt(28), "gzip");
        assertEquals(10, b.getInt(32), "the cookie follows the XML's NUL");
        assertEquals(92, SaveImage.HEADER_SIZE);
        assertEquals("<domain/>", new String(b.array(), 92, 9, StandardCharsets.UTF_8));
        assertEquals("QEVM", new String(b.array(), 92 + dataLen, 4, StandardCharsets.US_ASCII));
        SaveImage read = SaveImage.read(f);
        assertEquals("<domain/>", read.xml());
        assertEquals("<cookie/>\n", read.cookie());
        assertTrue(read.wasRunning());
        assertEquals(ImageFormat.GZIP, read.format());
        assertEquals(92L + dataLen, read.streamOffset());
        assertFalse(SaveImage.isCorrupt(f));
    }

    @Test
    void partialImageIsRefused() throws Exception {
        Path f = write(SaveImage.create("<domain/>", null, false, ImageFormat.RAW), false);
        VirtException e = assertThrows(VirtException.class, () -> SaveImage.read(f));
        assertEquals(ErrorCode.OPERATION_FAILED, e.error().code());
        assertEquals("save image is incomplete", e.error().detail());
        assertTrue(SaveImage.isCorrupt(f));
    }

    @Test
    void foreignShortAndMissingFiles() throws Exception {
        Path foreign = dir.resolve("foreign");
        Files.write(foreign, new byte[200]);
        assertEquals("image magic is incorrect",
                assertThrows(VirtException.class, () -> SaveImage.read(foreign)).error().detail());
        Path shortFile = dir.resolve("short");
        Files.write(shortFile, new byte[10]);
        assertEquals("failed to read qemu header",
                assertThrows(VirtException.class, () -> SaveImage.read(shortFile)).error().detail());
        VirtException missing = assertThrows(VirtException.class, () -> SaveImage.read(dir.resolve("none")));
        assertEquals(ErrorCode.SYSTEM_ERROR, missing.error().code());
        assertEquals("Failed to open file '" + dir.resolve("none") + "': No such file or directory",
                missing.error().detail());
    }

    @Test
    void xmlIsReplacedInPlaceWhileItFits() throws Exception {
        Path f = write(SaveImage.create("<domain/>", null, true, ImageFormat.RAW), true);
        long size = Files.size(f);
        SaveImage image = SaveImage.read(f);
        image.withXml("<domain><description>x</description></domain>", false).rewrite(f);
        SaveImage again = SaveImage.read(f);
        assertEquals("<domain><description>x</description></domain>", again.xml());
        assertFalse(again.wasRunning());
        assertEquals(image.streamOffset(), again.streamOffset());
        assertEquals(size, Files.size(f), "the stream is left alone");
        String huge = "<domain>" + "x".repeat(70 * 1024) + "</domain>";
        VirtException e = assertThrows(VirtException.class, () -> again.withXml(huge, true).rewrite(f));
        assertEquals("new xml too large to fit in file", e.error().detail());
    }

    @Test
    void byteSwappedHeaderIsRead() throws Exception {
        Path f = write(SaveImage.create("<domain/>", null, true, ImageFormat.XZ), true);
        byte[] all = Files.readAllBytes(f);
        ByteBuffer le = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
        for (int off = 16; off < 36; off += 4) {
            int v = le.getInt(off);
            be.putInt(off, v);
        }
        Files.write(f, all);
        SaveImage read = SaveImage.read(f);
        assertEquals(ImageFormat.XZ, read.format());
        assertEquals("<domain/>", read.xml());
    }
}
