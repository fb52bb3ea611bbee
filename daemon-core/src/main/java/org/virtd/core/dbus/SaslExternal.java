package org.virtd.core.dbus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The authentication every connection starts with: a NUL byte, then SASL EXTERNAL with our uid
 * (its decimal digits, hex-encoded), the server's OK, and BEGIN. Anything else fails it.
 */
final class SaslExternal {
    /** Longest line a server may answer with before it is refused. */
    private static final int MAX_LINE = 4096;

    private SaslExternal() {
    }

    /** The AUTH command for {@code uid}. */
    static String authCommand(long uid) {
        StringBuilder hex = new StringBuilder();
        for (byte b : Long.toString(uid).getBytes(StandardCharsets.US_ASCII)) {
            hex.append(String.format("%02x", b));
        }
        return "AUTH EXTERNAL " + hex + "\r\n";
    }

    static void authenticate(InputStream in, OutputStream out, long uid) throws IOException {
        out.write(0);
        out.write(authCommand(uid).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String reply = line(in);
        if (!reply.startsWith("OK ")) {
            throw new IOException("D-Bus authentication refused: " + reply);
        }
        out.write("BEGIN\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < MAX_LINE) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("D-Bus server closed the connection during authentication");
            }
            if (c == '\n') {
                return sb.toString().strip();
            }
            sb.append((char) c);
        }
        throw new IOException("D-Bus authentication line too long");
    }
}
