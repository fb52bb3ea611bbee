package org.virtd.qemu.console;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A pty slave opened the way a console needs it: O_NOCTTY (the daemon must never get QEMU's
 * pty as its controlling terminal, or QEMU's exit would hang it up), non-blocking, close-on-exec;
 * reads wait with poll(2) in bounded slices so a session can be ended from another thread.
 */
final class PtyFile implements CharEndpoint {
    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0400;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    private static final short POLLIN = 1;
    private static final short POLLOUT = 4;
    private static final int POLLERR = 8;
    private static final int POLLHUP = 16;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;

    /** libc as JNA sees it; pollfd is passed as two ints (fd, events | revents << 16, little-endian). */
    interface LibC extends Library {
        LibC INSTANCE = Native.load("libc.so.6", LibC.class);

        int open(String path, int flags);

        int read(int fd, byte[] buf, long count);

        int write(int fd, byte[] buf, long count);

        int poll(int[] fds, long nfds, int timeout);

        int close(int fd);
    }

    private final String path;
    private final int fd;
    private volatile boolean closed;

    private PtyFile(String path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    static PtyFile open(String path) throws IOException {
        int fd = LibC.INSTANCE.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            throw new IOException("cannot open " + path + ": errno " + Native.getLastError());
        }
        return new PtyFile(path, fd);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Status read(ByteBuffer out, int timeoutMillis) {
        int[] pfd = {fd, POLLIN};
        int n = LibC.INSTANCE.poll(pfd, 1, timeoutMillis);
        if (closed) {
            return Status.EOF;
        }
        if (n <= 0) {
            return n < 0 && Native.getLastError() != EINTR ? Status.EOF : Status.IDLE;
        }
        int revents = pfd[1] >>> 16;
        if ((revents & POLLIN) != 0) {
            byte[] buf = new byte[out.remaining()];
            int got = LibC.INSTANCE.read(fd, buf, buf.length);
            if (got > 0) {
                out.put(buf, 0, got);
                return Status.DATA;
            }
            int err = Native.getLastError();
            return got < 0 && (err == EAGAIN || err == EINTR) ? Status.IDLE : Status.EOF;
        }
        return (revents & (POLLHUP | POLLERR)) != 0 ? Status.EOF : Status.IDLE;
    }

    @Override
    public boolean write(ByteBuffer data, int patienceMillis) {
        byte[] buf = new byte[data.remaining()];
        data.get(buf);
        int off = 0;
        long deadline = System.nanoTime() + patienceMillis * 1_000_000L;
        while (off < buf.length && !closed) {
            byte[] chunk = off == 0 ? buf : java.util.Arrays.copyOfRange(buf, off, buf.length);
            int n = LibC.INSTANCE.write(fd, chunk, chunk.length);
            if (n > 0) {
                off += n;
                continue;
            }
            int err = Native.getLastError();
            if (n < 0 && err != EAGAIN && err != EINTR || System.nanoTime() > deadline) {
                return false;
            }
            LibC.INSTANCE.poll(new int[] {fd, POLLOUT}, 1, 50);
        }
        return off == buf.length;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LibC.INSTANCE.close(fd);
        }
    }
}
