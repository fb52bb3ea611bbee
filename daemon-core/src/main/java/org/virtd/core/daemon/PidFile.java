package org.virtd.core.daemon;

import org.virtd.core.activation.Posix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The daemon's PID file as libvirt keeps it (virPidFileAcquirePath, daemons.md §5): opened
 * write-only with mode 0644 and close-on-exec, an fcntl write lock on byte 0 held for the life of
 * the process, the path re-checked after locking (retry if someone replaced the file), the pid
 * written without a newline; at clean exit unlinked, then closed.
 */
public final class PidFile implements AutoCloseable {
    private final Path path;
    private int fd;

    private PidFile(Path path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    /** A PID file that could not be acquired; the message is libvirt's. */
    public static final class PidFileException extends Exception {
        private static final long serialVersionUID = 1L;

        PidFileException(String message) {
            super(message);
        }
    }

    public static PidFile acquire(Path path, long pid) throws PidFileException {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new PidFileException("Failed to create pid file directory for '" + path + "': " + e.getMessage());
        }
        for (int attempt = 0; attempt < 16; attempt++) {
            int fd;
            try {
                fd = Posix.openForWrite(path.toString(), 0644);
            } catch (IOException e) {
                throw new PidFileException(e.getMessage());
            }
            if (!Posix.tryWriteLock(fd, 0, 1)) {
                String why = Posix.lastError();
                Posix.close(fd);
                throw new PidFileException("Failed to acquire pid file '" + path + "': " + why);
            }
            if (!sameFile(path, fd)) {
                Posix.close(fd);
                continue;
            }
            try {
                Posix.replaceContent(fd, Long.toString(pid));
            } catch (IOException e) {
                Posix.close(fd);
                throw new PidFileException("Failed to write pid file '" + path + "': " + e.getMessage());
            }
            return new PidFile(path, fd);
        }
        throw new PidFileException("Failed to acquire pid file '" + path + "': file keeps being replaced");
    }

    private static boolean sameFile(Path path, int fd) {
        try {
            Object open = Files.getAttribute(Path.of("/proc/self/fd/" + fd), "unix:ino");
            Object named = Files.getAttribute(path, "unix:ino");
            Object openDev = Files.getAttribute(Path.of("/proc/self/fd/" + fd), "unix:dev");
            Object namedDev = Files.getAttribute(path, "unix:dev");
            return open.equals(named) && openDev.equals(namedDev);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public Path path() {
        return path;
    }

    /** Unlinks the file, then releases the lock by closing it. */
    @Override
    public synchronized void close() {
        if (fd < 0) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing left to do: the lock still goes away with the descriptor
        }
        Posix.close(fd);
        fd = -1;
    }
}
