package org.virtd.qemu.qmp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Splits the monitor byte stream into messages. QEMU ends every QMP message with CR LF and never
 * breaks one across lines (libvirt splits on the same boundary). A line longer than the bound
 * fails the stream instead of growing the buffer without limit.
 */
final class QmpLineReader {
    private final ReadableByteChannel channel;
    private final int maxLine;
    private ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    private int scanned;

    QmpLineReader(ReadableByteChannel channel, int maxLine) {
        this.channel = channel;
        this.maxLine = maxLine;
    }

    /** The next non-blank line without its line end, or null at end of stream. */
    String next() throws IOException {
        while (true) {
            String line = takeLine();
            if (line != null) {
                if (line.isBlank()) {
                    continue;
                }
                return line;
            }
            if (buf.position() > maxLine) {
                throw new IOException("QMP message longer than " + maxLine + " bytes");
            }
            if (!buf.hasRemaining()) {
                grow();
            }
            if (channel.read(buf) < 0) {
                return null;
            }
        }
    }

    private String takeLine() {
        for (int i = scanned; i < buf.position(); i++) {
            if (buf.get(i) == '\n') {
                int end = i > 0 && buf.get(i - 1) == '\r' ? i - 1 : i;
                String line = new String(buf.array(), 0, end, StandardCharsets.UTF_8);
                int rest = buf.position() - (i + 1);
                System.arraycopy(buf.array(), i + 1, buf.array(), 0, rest);
                buf.position(rest);
                scanned = 0;
                return line;
            }
        }
        scanned = buf.position();
        return null;
    }

    private void grow() {
        ByteBuffer bigger = ByteBuffer.allocate(Math.min(buf.capacity() * 2, maxLine + 2));
        buf.flip();
        bigger.put(buf);
        buf = bigger;
    }
}
