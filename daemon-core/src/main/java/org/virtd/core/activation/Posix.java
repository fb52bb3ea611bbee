package org.virtd.core.activation;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.util.List;

/**
 * The handful of libc calls the JDK lacks and a daemon needs: fcntl flags on inherited fds,
 * unsetenv, dup2, umask, chown, group lookup (the PID file's lock is the JDK's own, see
 * PidFile). Loaded through JNA on first use only, so a daemon that never needs them never pays
 * for the native library. Failures are {@link IOException}s carrying the errno text. Arguments
 * go over as Java arrays (C strings as NUL-terminated bytes), which JNA copies in and out without native
 * {@code Memory}: every {@code Memory} or {@code String} argument would start JNA's cleaner
 * thread, which an idle daemon would then keep for good (issue 17).
 */
public final class Posix {
    private static final int F_GETFD = 1;
    private static final int F_SETFD = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int FD_CLOEXEC = 1;
    private static final int O_NONBLOCK = 04000;
    private static final int O_RDWR = 2;
    private static final int O_CLOEXEC = 02000000;

    private Posix() {
    }


    /**
     * libc through JNA's direct mapping: natives registered once, which needs no interface proxy
     * generated at start-up (about 10 ms of a socket-activated start) and calls faster.
     */
    private static final class C {
        static {
            try {
                // glibc's soname: found by dlopen at once, where "c" makes JNA search directories
                Native.register(C.class, "libc.so.6");
            } catch (UnsatisfiedLinkError e) {
                Native.register(C.class, "c");
            }
        }

        private C() {
        }

        /** Does nothing: calling it registers the natives. */
        static void load() {
        }

        static native int fcntl(int fd, int cmd, long arg);

        static native int open(byte[] path, int flags, int mode);

        static native int close(int fd);

        static native int dup2(int from, int to);

        static native int unsetenv(byte[] name);

        static native Pointer getgrnam(byte[] name);

        static native String strerror(int errnum);

        static native int umask(int mask);

        static native int chown(byte[] path, int owner, int group);
    }

    /** glibc's malloc_trim on its own: a C library without it (musl) must not cost the others. */
    private static final class Trim {
        static {
            Native.register(Trim.class, "libc.so.6");
        }

        private Trim() {
        }

        static native int malloc_trim(long pad);
    }

    /** A C string: the bytes in the platform's file-name encoding and a NUL. */
    public static byte[] cString(String s) {
        byte[] b = s.getBytes(Native.DEFAULT_CHARSET);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }

    /** Loads the native binding now rather than on first use (start-up warm-up). */
    public static void preload() {
        C.load();
    }

    private static IOException failure(String what) {
        int errno = Native.getLastError();
        return new IOException(what + ": " + C.strerror(errno));
    }

    /** Sets O_NONBLOCK and FD_CLOEXEC on an inherited descriptor. */
    public static void makeNonBlockingCloseOnExec(int fd) throws IOException {
        int fl = C.fcntl(fd, F_GETFL, 0);
        if (fl < 0 || C.fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) {
            throw failure("Unable to set non-blocking mode on fd " + fd);
        }
        int fdfl = C.fcntl(fd, F_GETFD, 0);
        if (fdfl < 0 || C.fcntl(fd, F_SETFD, fdfl | FD_CLOEXEC) < 0) {
            throw failure("Unable to set close-on-exec flag on fd " + fd);
        }
    }

    public static void close(int fd) {
        C.close(fd);
    }

    public static void unsetenv(List<String> names) {
        for (String n : names) {
            C.unsetenv(cString(n));
        }
    }

    /** Points descriptor {@code target} (0, 1, 2) at /dev/null. */
    public static void redirectToDevNull(int target) throws IOException {
        int fd = C.open(cString("/dev/null"), O_RDWR | O_CLOEXEC, 0);
        if (fd < 0 || C.dup2(fd, target) < 0) {
            throw failure("Failed to redirect fd " + target + " to /dev/null");
        }
        C.close(fd);
    }

    /** umask(2): sets the file mode creation mask and returns the previous one. */
    public static int umask(int mask) {
        return C.umask(mask);
    }

    /** Changes the group of {@code path}, keeping its owner. */
    public static void chgrp(String path, int gid) throws IOException {
        if (C.chown(cString(path), -1, gid) != 0) {
            throw failure("Failed to change the group of '" + path + "' to " + gid);
        }
    }

    /** getgrnam(3): the group's id, or -1 when there is no such group. */
    public static int groupId(String name) {
        Pointer grp = C.getgrnam(cString(name));
        if (grp == null) {
            return -1;
        }
        // struct group { char *gr_name; char *gr_passwd; gid_t gr_gid; char **gr_mem; }
        return grp.getInt(2L * Native.POINTER_SIZE);
    }

    /** malloc_trim(3): gives the C heap's free pages back to the kernel (glibc only; else nothing). */
    public static void mallocTrim() {
        try {
            Trim.malloc_trim(0);
        } catch (LinkageError e) {
            // a C library without malloc_trim (musl): its free pages stay, nothing else changes
        }
    }
}
