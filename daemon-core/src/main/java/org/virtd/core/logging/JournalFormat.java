package org.virtd.core.logging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The journal's native protocol (systemd.journal-fields, daemons.md §8): one datagram of
 * {@code FIELD=value} lines; a value containing a newline is sent as {@code FIELD\n}, its 64-bit
 * little-endian length, the bytes and {@code \n}.
 */
final class JournalFormat implements DatagramAppender.DatagramFormat {
    private final String identifier;

    JournalFormat(String identifier) {
        this.identifier = identifier;
    }

    @Override
    public byte[] encode(Instant when, LogPriority priority, String source, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, "MESSAGE", message);
        field(out, "PRIORITY", Integer.toString(priority.syslogSeverity()));
        field(out, "SYSLOG_IDENTIFIER", identifier);
        field(out, "CODE_FUNC", source);
        return out.toByteArray();
    }

    static void field(ByteArrayOutputStream out, String name, String value) {
        byte[] key = name.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(key);
        if (value.indexOf('\n') < 0) {
            out.write('=');
            out.writeBytes(bytes);
        } else {
            out.write('\n');
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(bytes.length).array());
            out.writeBytes(bytes);
        }
        out.write('\n');
    }
}
