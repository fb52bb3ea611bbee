package org.virtd.qemu.saveimage;

import org.virtd.qemu.config.ImageFormat;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.error.ErrnoText;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The metadata at the start of a save image: header, domain XML and optional save cookie, each
 * string NUL-terminated, zero padding up to the header's data length (64 KiB spare at creation so
 * the XML can be edited in place later), then the migration stream. Integers are little-endian
 * as written on x86; a byte-swapped header is recognised as libvirt does.
 */
public record SaveImage(boolean wasRunning, ImageFormat format, int dataLength, String xml, String cookie) {
    public static final int VERSION = 2;
    /** magic + version, data_len, was_running, format, cookieOffset + 14 unused words. */
    public static final int HEADER_SIZE = 16 + 5 * 4 + 14 * 4;
    private static final byte[] MAGIC = "LibvirtQemudSave".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PARTIAL = "LibvirtQemudPart".getBytes(StandardCharsets.US_ASCII);
    private static final int SPARE = 64 * 1024;

    /** A new image's metadata; the data length is fixed when it is first written. */
    public static SaveImage create(String xml, String cookie, boolean wasRunning, ImageFormat format) {
        return new SaveImage(wasRunning, format, 0, xml, cookie);
    }

    /** Where the migration stream starts. */
    public long streamOffset() {
        return HEADER_SIZE + (long) dataLength;
    }

    public SaveImage withXml(String newXml, boolean running) {
        return new SaveImage(running, format, dataLength, newXml, cookie);
    }

    /**
     * Writes header (marked partial), XML, cookie and padding at the channel's position; returns
     * the metadata with its data length fixed. Fails as libvirt does when a replacement XML no
     * longer fits the space the image was created with.
     */
    public SaveImage writePartial(FileChannel ch) throws IOException, VirtException {
        byte[] x = cString(xml);
        byte[] c = cookie == null ? new byte[0] : cString(cookie);
        int len = x.length + c.length;
        int dataLen = dataLength == 0 ? len + SPARE : dataLength;
        if (len > dataLen) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "new xml too large to fit in file");
        }
        SaveImage fixed = new SaveImage(wasRunning, format, dataLen, xml, cookie);
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + dataLen).order(ByteOrder.LITTLE_ENDIAN);
        fixed.header(b, PARTIAL, cookie == null ? 0 : x.length);
        b.put(x).put(c);
        b.position(0).limit(HEADER_SIZE + dataLen);
        while (b.hasRemaining()) {
            ch.write(b);
        }
        return fixed;
    }

    /** Rewrites the header at the start of {@code ch} with the complete magic. */
    public void markComplete(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header(b, MAGIC, cookie == null ? 0 : cString(xml).length);
        b.flip();
        long pos = 0;
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }

    /** Rewrites header, XML and cookie of a complete image in place (define XML). */
    public void rewrite(Path file) throws IOException, VirtException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            SaveImage fixed = writePartial(ch);
            fixed.markComplete(ch);
        }
    }

    private void header(ByteBuffer b, byte[] magic, int cookieOffset) {
        b.put(magic).putInt(VERSION).putInt(dataLength).putInt(wasRunning ? 1 : 0).putInt(format.headerCode())
                .putInt(cookieOffset);
        b.put(new byte[14 * 4]);
    }

    /** Reads the metadata of {@code file} with libvirt's errors for a missing, partial or foreign file. */
    public static SaveImage read(Path file) throws VirtException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch);
        } catch (IOException e) {
            throw openError(file, ErrnoText.of(e));
        }
    }

    static VirtException openError(Path file, String why) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                "Failed to open file '" + file + "': " + why);
    }

    /** True when {@code file} is missing or its header is not that of a complete image. */
    public static boolean isCorrupt(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(MAGIC.length);
            readFully(ch, b);
            return b.hasRemaining() || !Arrays.equals(b.array(), MAGIC);
        } catch (IOException e) {
            return true;
        }
    }

    static SaveImage read(FileChannel ch) throws IOException, VirtException {
        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, h);
        if (h.hasRemaining()) {
            throw failed("failed to read qemu header");
        }
        h.flip();
        byte[] magic = new byte[MAGIC.length];
        h.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw failed(Arrays.equals(magic, PARTIAL) ? "save image is incomplete" : "image magic is incorrect");
        }
        if (Integer.toUnsignedLong(h.getInt(16)) > VERSION) {
            h.order(ByteOrder.BIG_ENDIAN);
        }
        long version = Integer.toUnsignedLong(h.getInt(16));
        if (version > VERSION) {
            throw failed("image version is not supported (" + version + " > " + VERSION + ")");
        }
        int dataLen = h.getInt(20);
        boolean running = h.getInt(24) != 0;
        ImageFormat format = ImageFormat.ofHeaderCode(h.getInt(28)).orElse(null);
        if (format == null) {
            throw failed("unsupported save image format: " + h.getInt(28));
        }
        if (dataLen <= 0) {
            throw failed("invalid header data length: " + dataLen);
        }
        int cookieOffset = h.getInt(32);
        int xmlLen = cookieOffset != 0 ? cookieOffset : dataLen;
        ByteBuffer data = ByteBuffer.allocate(dataLen);
        readFully(ch, data);
        if (data.position() < xmlLen) {
            throw failed("failed to read domain XML");
        }
        if (data.hasRemaining()) {
            throw failed("failed to read cookie");
        }
        byte[] all = data.array();
        String xml = cString(all, 0, xmlLen);
        String cookie = cookieOffset != 0 ? cString(all, xmlLen, dataLen) : null;
        return new SaveImage(running, format, dataLen, xml, cookie);
    }

    private static void readFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining() && ch.read(b) > 0) {
            // keep reading
        }
    }

    private static String cString(byte[] b, int from, int to) {
        int end = from;
        while (end < to && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    private static byte[] cString(String s) {
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(raw, raw.length + 1);
    }

    private static VirtException failed(String message) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, message);
    }
}
