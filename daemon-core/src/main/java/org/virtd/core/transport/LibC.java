package org.virtd.core.transport;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The few libc calls the JDK lacks for socket files and inherited descriptors. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int F_GETFL = 3;
    int F_SETFL = 4;
    int O_NONBLOCK = 04000;

    int umask(int mask);

    int chown(String path, int owner, int group);

    int fcntl(int fd, int cmd, int arg);
}
