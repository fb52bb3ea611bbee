package org.virtd.qemu.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** qcow2 version 3 headers written by hand: enough for header readers, not for QEMU. */
public final class Qcow2Images {
    private static final int HEADER_LENGTH = 104;

    private Qcow2Images() {
    }

    /** An image at {@code p} naming {@code backing} (null: none) of {@code format} (null: not recorded). */
    public static Path create(Path p, String backing, String format) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4096);
        b.putInt(0x514649fb).putInt(3);
        b.position(20).putInt(16).putLong(16L << 20);
        b.position(96).putInt(4).putInt(HEADER_LENGTH);
        b.position(HEADER_LENGTH);
        if (format != null) {
            byte[] f = format.getBytes(StandardCharsets.US_ASCII);
            b.putInt(0xe2792aca).putInt(f.length).put(f);
            b.position(b.position() + ((8 - f.length % 8) % 8));
        }
        b.putInt(0).putInt(0);
        if (backing != null) {
            byte[] n = backing.getBytes(StandardCharsets.UTF_8);
            int at = b.position();
            b.put(n);
            b.putLong(8, at).putInt(16, n.length);
        }
        return Files.write(p, b.array());
    }
}
