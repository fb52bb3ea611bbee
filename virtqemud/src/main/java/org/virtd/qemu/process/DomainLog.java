package org.virtd.qemu.process;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The per-domain log {@code <log>/qemu/NAME.log} (qemu-driver.md §1): mode 0600, appended on
 * every start with a time-stamped "starting up" line, the environment and argv one item per line
 * with {@code \} continuations, then whatever QEMU writes to stdout/stderr, and notes such as
 * "shutting down, reason=destroyed" from the driver.
 */
public final class DomainLog {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ");

    private final Path file;

    public DomainLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Current size, to read back only what one start wrote ({@link #since}). */
    public long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Writes the start header: banner, environment, command line. */
    public void starting(String banner, Map<String, String> env, List<String> argv) throws IOException {
        StringBuilder b = new StringBuilder(stamp()).append(": starting up ").append(banner).append('\n');
        env.forEach((k, v) -> b.append(k).append('=').append(shellQuote(v)).append(" \\\n"));
        for (int i = 0; i < argv.size(); i++) {
            b.append(shellQuote(argv.get(i)));
            boolean pairs = argv.get(i).startsWith("-") && i + 1 < argv.size() && !argv.get(i + 1).startsWith("-");
            if (pairs) {
                b.append(' ').append(shellQuote(argv.get(++i)));
            }
            b.append(i + 1 < argv.size() ? " \\\n" : "\n");
        }
        append(b.toString());
    }

    /** Appends {@code <timestamp>: text}. */
    public void note(String text) throws IOException {
        append(stamp() + ": " + text + "\n");
    }

    private void append(String text) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // someone else created it; append below
            }
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What was written after {@code offset}, at most the last {@code max} bytes, stripped. */
    public String since(long offset, int max) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(offset, f.length() - max);
            byte[] buf = new byte[(int) Math.max(0, f.length() - start)];
            f.seek(start);
            f.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String stamp() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(TS);
    }

    static String shellQuote(String s) {
        if (s.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
