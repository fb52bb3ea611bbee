package org.virtd.core.daemon;

import org.virtd.rpc.error.ErrnoText;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The daemon's PID file as libvirt keeps it (virPidFileAcquirePath, daemons.md §5): opened
 * write-only with mode 0644, an fcntl write lock on byte 0 held for the life of the process, the
 * path re-checked after locking (retry if someone replaced the file), the pid written without a
 * newline; at clean exit unlinked, then closed.
 *
 * <p>Plain NIO rather than libc through JNA: the JDK's {@code FileChannel.tryLock} is the same
 * fcntl record lock, and this is the first thing a starting daemon does, where loading JNA
 * (and the JDK logging it initialises) kept the main thread waiting ~70 ms. What JNA's fstat
 * gave, the open file's identity, comes from the descriptor's entry in /proc/self/fd.
 */
public final class PidFile implements AutoCloseable {
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");
    private static final String DELETED = " (deleted)";
    private static final int ATTEMPTS = 16;

    private final Path path;
    private FileChannel channel;

    private PidFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** A PID file that could not be acquired; the message is libvirt's. */
    public static final class PidFileException extends Exception {
        private static final long serialVersionUID = 1L;

        PidFileException(String message) {
            super(message);
        }
    }

    public static PidFile acquire(Path path, long pid) throws PidFileException {
        Path file = path.toAbsolutePath();
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new PidFileException("Failed to create pid file directory for '" + path + "': " + e.getMessage());
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel ch;
            try {
                ch = FileChannel.open(file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            } catch (IOException e) {
                throw new PidFileException("Failed to open pid file '" + path + "': " + ErrnoText.of(e));
            }
            if (!locked(ch)) {
                closeQuietly(ch);
                throw new PidFileException("Failed to acquire pid file '" + path + "': Resource temporarily unavailable");
            }
            if (!sameFile(file)) {
                closeQuietly(ch);
                continue;
            }
            try {
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(Long.toString(pid).getBytes(StandardCharsets.US_ASCII)), 0);
            } catch (IOException e) {
                closeQuietly(ch);
                throw new PidFileException("Failed to write pid file '" + path + "': " + ErrnoText.of(e));
            }
            return new PidFile(path, ch);
        }
        throw new PidFileException("Failed to acquire pid file '" + path + "': file keeps being replaced");
    }

    /** A write lock on byte 0, or false when another holder has it. */
    private static boolean locked(FileChannel ch) throws PidFileException {
        try {
            FileLock lock = ch.tryLock(0, 1, false);
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // this process already holds it
        } catch (IOException e) {
            throw new PidFileException("Failed to lock pid file: " + ErrnoText.of(e));
        }
    }

    /**
     * Whether {@code file} still names the file this process holds open for it: the one entry of
     * /proc/self/fd that points at it (the kernel appends " (deleted)" to one that was unlinked).
     */
    private static boolean sameFile(Path file) {
        String name = file.toString();
        try (Stream<Path> fds = Files.list(OPEN_FILES)) {
            List<Path> open = fds.filter(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.equals(name) || target.equals(name + DELETED);
                } catch (IOException | UnsupportedOperationException e) {
                    return false; // a descriptor closed meanwhile
                }
            }).toList();
            if (open.size() != 1) {
                return false;
            }
            Path fd = open.get(0);
            return Files.getAttribute(fd, "unix:ino").equals(Files.getAttribute(file, "unix:ino"))
                    && Files.getAttribute(fd, "unix:dev").equals(Files.getAttribute(file, "unix:dev"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // the descriptor is gone either way
        }
    }

    public Path path() {
        return path;
    }

    /** Unlinks the file, then releases the lock by closing it. */
    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing left to do: the lock still goes away with the descriptor
        }
        closeQuietly(channel);
        channel = null;
    }
}
