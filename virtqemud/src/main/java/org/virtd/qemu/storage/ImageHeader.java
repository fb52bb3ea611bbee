package org.virtd.qemu.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What an image's first bytes say: its format as probed (qcow2 by its magic and version,
 * anything else raw) and, for qcow2, the backing file name and format it records (the format
 * lives in a header extension, and older images lack it).
 *
 * @param format        probed format, {@code qcow2} or {@code raw}
 * @param backingName   the backing file name as written in the image, null for none
 * @param backingFormat the backing image's format recorded in the image, null when not recorded
 */
public record ImageHeader(String format, String backingName, String backingFormat) {
    private static final int QCOW2_MAGIC = 0x514649fb;
    private static final int EXT_BACKING_FORMAT = 0xe2792aca;
    private static final int EXT_END = 0;
    private static final int V2_HEADER_LENGTH = 72;
    private static final int MAX_HEADER = 64 * 1024;

    /** Reads the header of {@code file}; a file too short for a qcow2 header is raw. */
    public static ImageHeader read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(MAX_HEADER, ch.size()));
            while (b.hasRemaining() && ch.read(b) > 0) {
                // read what fits of the first cluster
            }
            b.flip();
            if (b.limit() < V2_HEADER_LENGTH || b.getInt(0) != QCOW2_MAGIC || b.getInt(4) < 2) {
                return new ImageHeader("raw", null, null);
            }
            return qcow2(ch, b);
        }
    }

    private static ImageHeader qcow2(FileChannel ch, ByteBuffer b) throws IOException {
        int version = b.getInt(4);
        long nameOffset = b.getLong(8);
        int nameSize = b.getInt(16);
        String name = null;
        if (nameOffset != 0 && nameSize > 0) {
            ByteBuffer n = ByteBuffer.allocate(Math.min(nameSize, 4096));
            ch.read(n, nameOffset);
            name = new String(n.array(), 0, n.position(), StandardCharsets.UTF_8);
        }
        int extStart = version >= 3 && b.limit() >= 104 ? b.getInt(100) : V2_HEADER_LENGTH;
        return new ImageHeader("qcow2", name, name == null ? null : backingFormat(b, extStart));
    }

    /** The backing format extension, read until the end marker or the buffer's end. */
    private static String backingFormat(ByteBuffer b, int start) {
        int at = start;
        while (at + 8 <= b.limit()) {
            int type = b.getInt(at);
            int len = b.getInt(at + 4);
            if (type == EXT_END || len < 0 || at + 8 + len > b.limit()) {
                return null;
            }
            if (type == EXT_BACKING_FORMAT) {
                byte[] v = new byte[len];
                b.get(at + 8, v);
                return new String(v, StandardCharsets.US_ASCII).replace("\0", "");
            }
            at += 8 + ((len + 7) & ~7);
        }
        return null;
    }
}
