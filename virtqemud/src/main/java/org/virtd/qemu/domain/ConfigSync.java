package org.virtd.qemu.domain;

import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Group commit for the domain config directory (qemu-driver.md §1): instead of one fsync per
 * define, writers publish with an atomic rename (whole or absent, which already survives a
 * daemon crash: the page cache is the kernel's) and ask for a sync; one background thread
 * answers all requests made within a short window with a single {@code syncfs(2)} of the file
 * system holding the directory, so a power loss can cost at most that window's definitions,
 * never a half-written file. (libvirt fsyncs the file but not the directory, so its renames
 * become durable only at the next journal commit.) The thread exists only while defines come
 * in: the first request starts it and it ends after {@link #LINGER} without one, so an idle
 * daemon does not keep it (issue 17).
 */
public final class ConfigSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSync.class);
    private static final int O_RDONLY = 0;
    private static final int O_DIRECTORY = 0x10000;
    private static final int O_CLOEXEC = 0x80000;

    /**
     * libc through JNA's direct mapping: natives registered once, with no interface proxy to
     * generate on the daemon's start path (the driver opens this before its first reply).
     */
    static final class LibC {
        static {
            Native.register(LibC.class, "libc.so.6");
        }

        private LibC() {
        }

        static native int open(byte[] path, int flags); // a C string: no JNA Memory, so no JNA cleaner thread

        static native int syncfs(int fd);

        static native int close(int fd);
    }

    /** How long the thread waits for another request before it ends. */
    static final Duration LINGER = Duration.ofSeconds(5);

    private final int fd;
    private final Duration window;
    private final Duration linger;
    private Thread thread;
    private boolean requested;
    private boolean closed;

    private ConfigSync(int fd, Duration window, Duration linger) {
        this.fd = fd;
        this.window = window;
        this.linger = linger;
    }

    /** A group committer for {@code dir}, or null when syncfs is not available (callers then fsync each file). */
    public static ConfigSync open(Path dir, Duration window) {
        return open(dir, window, LINGER);
    }

    static ConfigSync open(Path dir, Duration window, Duration linger) {
        try {
            int fd = LibC.open(cString(dir.toString()), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (fd < 0) {
                LOG.warn("cannot open {} for syncfs; falling back to fsync per write", dir);
                return null;
            }
            return new ConfigSync(fd, window, linger);
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("syncfs unavailable ({}); falling back to fsync per write", e.toString());
            return null;
        }
    }

    private static byte[] cString(String s) {
        byte[] b = s.getBytes(Native.DEFAULT_CHARSET);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }

    /** Asks for the writes done so far to reach the disk within the window. */
    public synchronized void request() {
        requested = true;
        if (thread == null && !closed) {
            thread = new Thread(this::run, "config-sync");
            thread.setDaemon(true);
            thread.start();
        }
        notifyAll();
    }

    /** True while the committer thread runs (tests). */
    synchronized boolean running() {
        return thread != null;
    }

    private void run() {
        while (true) {
            synchronized (this) {
                long idleUntil = System.nanoTime() + linger.toNanos();
                while (!requested && !closed) {
                    long left = idleUntil - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    waitQuietly(Math.max(1, left / 1_000_000));
                }
                if (!requested) {
                    thread = null;
                    return;
                }
                if (!closed) {
                    waitQuietly(window.toMillis());
                }
                requested = false;
            }
            if (LibC.syncfs(fd) != 0) {
                LOG.error("syncfs of the domain config directory failed (errno {})", Native.getLastError());
            }
        }
    }

    private void waitQuietly(long ms) {
        try {
            wait(ms);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    /** Performs a last sync of pending writes and stops the thread. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            notifyAll();
            t = thread;
        }
        try {
            if (t != null) {
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LibC.close(fd);
    }
}
