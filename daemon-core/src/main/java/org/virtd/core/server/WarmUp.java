package org.virtd.core.server;

import org.virtd.core.activation.Posix;
import org.virtd.core.transport.EventLoops;
import org.virtd.rpc.admin.AdminProgram;
import org.virtd.rpc.keepalive.KeepaliveProgram;
import org.virtd.rpc.lxc.LxcProgram;
import org.virtd.rpc.qemu.QemuProgram;
import org.virtd.rpc.remote.DomainEvents;
import org.virtd.rpc.remote.RemoteProgram;

/**
 * Start-up work that does not depend on the command line or the config: initialising the
 * procedure tables (hundreds of small codec classes), loading the epoll native library and the
 * JNA binding (PID file lock, activation fds). It
 * runs on a second thread while the main thread parses options, reads the config and sets up
 * logging, so a socket-activated daemon answers its first call sooner. Whatever the main thread
 * reaches first it simply initialises itself; the JVM's class-initialisation lock keeps it safe.
 */
public final class WarmUp {
    private WarmUp() {
    }

    public static void start() {
        Thread t = new Thread(WarmUp::run, "virtd-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        Posix.preload(); // the main thread needs it first, for the PID file lock
        Object[] tables = {RemoteProgram.PROGRAM, QemuProgram.PROGRAM, LxcProgram.PROGRAM, AdminProgram.PROGRAM,
            KeepaliveProgram.PROGRAM, DomainEvents.all()};
        if (tables.length == 0) {
            throw new AssertionError();
        }
        EventLoops.preload();
    }
}
