package org.virtd.qemu.lifecycle;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.newsclub.net.unix.FileDescriptorCast;

import java.io.FileDescriptor;
import java.io.IOException;

/**
 * A connected pair of UNIX stream sockets as two bare descriptors: one is handed to QEMU over
 * the monitor, the other to the client, and each copy the daemon holds is only ever closed
 * (never shut down), so closing ours leaves the connection between them whole.
 */
final class NativeSocketPair implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 02000000;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("libc.so.6", LibC.class);

        int socketpair(int domain, int type, int protocol, int[] sv);

        int close(int fd);
    }

    private final int[] fds;
    private final boolean[] closed = new boolean[2];

    private NativeSocketPair(int[] fds) {
        this.fds = fds;
    }

    static NativeSocketPair open() throws IOException {
        int[] sv = new int[2];
        if (LibC.INSTANCE.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
            throw new IOException("Failed to create socket pair: errno " + Native.getLastError());
        }
        return new NativeSocketPair(sv);
    }

    /** The end kept for the client, as a number for REPLY_WITH_FDS. */
    int clientEnd() {
        return fds[0];
    }

    /** The end QEMU gets, as junixsocket passes it. */
    FileDescriptor qemuEnd() throws IOException {
        return javaFd(fds[1]);
    }

    /** A bare descriptor number as the FileDescriptor junixsocket passes (no ownership moves). */
    static FileDescriptor javaFd(int fd) throws IOException {
        return FileDescriptorCast.unsafeUsing(fd).as(FileDescriptor.class);
    }

    synchronized void closeClientEnd() {
        closeEnd(0);
    }

    synchronized void closeQemuEnd() {
        closeEnd(1);
    }

    private void closeEnd(int i) {
        if (!closed[i]) {
            closed[i] = true;
            LibC.INSTANCE.close(fds[i]);
        }
    }

    @Override
    public synchronized void close() {
        closeEnd(0);
        closeEnd(1);
    }
}
