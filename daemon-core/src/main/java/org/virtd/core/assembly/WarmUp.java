package org.virtd.core.assembly;

import org.slf4j.LoggerFactory;
import org.virtd.core.activation.ClassArchiveCheck;
import org.virtd.core.activation.NativeLibraryCache;
import org.virtd.core.activation.Posix;
import org.virtd.core.logging.DaemonLoggingProvider;
import org.virtd.core.transport.EventLoops;
import org.virtd.rpc.admin.AdminProgram;
import org.virtd.rpc.keepalive.KeepaliveProgram;
import org.virtd.rpc.lxc.LxcProgram;
import org.virtd.rpc.qemu.QemuProgram;
import org.virtd.rpc.remote.DomainEvents;
import org.virtd.rpc.remote.RemoteProgram;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Start-up work that does not depend on the command line or the config: initialising the
 * logging framework (slf4j with its provider named, logback's default configuration), the JNA
 * binding (PID file lock, activation fds), the procedure tables and the epoll native library.
 * It runs on two more threads (logging then Netty; JNA then the tables), each in the order the
 * main thread will need them, while the main thread parses options, reads the config and sets
 * up logging, so a socket-activated daemon answers its first call sooner. Whatever the main
 * thread reaches first it simply initialises itself; the JVM's class-initialisation lock keeps
 * it safe. Logging is the exception: slf4j hands out substitute
 * loggers to a second thread while it initialises (and warns about them on stderr), so the main
 * thread calls {@link #awaitLogging} before its first logger, and Netty loads after logging.
 */
public final class WarmUp {
    private static final long LOGGING_WAIT_SECONDS = 30;
    private static final String SLF4J_PROVIDER = "slf4j.provider";
    private static volatile boolean exiting;
    private final CountDownLatch logging = new CountDownLatch(1);

    private WarmUp() {
    }

    /** Starts the warm-up threads. */
    public static WarmUp start() {
        WarmUp warmUp = new WarmUp();
        daemonThread(warmUp::loggingThenNetty, "virtd-warmup-log");
        daemonThread(WarmUp::nativeThenTables, "virtd-warmup");
        return warmUp;
    }

    private static void daemonThread(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> {
            if (!exiting) {
                thread.getThreadGroup().uncaughtException(thread, e);
            }
        });
        t.start();
    }

    /**
     * The daemon is about to exit: a warm-up the exit cuts short fails quietly. A {@code -V} ends
     * the JVM within milliseconds, while JNA may still be unpacking its library (its
     * File.deleteOnExit then throws "Shutdown in progress"), which is no error of the daemon's.
     */
    public static void exiting() {
        exiting = true;
    }

    /** Waits (bounded) until the warm-up thread has initialised the logging framework. */
    public void awaitLogging() {
        try {
            logging.await(LOGGING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Netty takes its loggers from slf4j as it loads, so it comes after logging, on the same thread. */
    private void loggingThenNetty() {
        initLogging();
        EventLoops.preload();
    }

    private void initLogging() {
        try {
            // naming the provider spares slf4j its class-path scan, and logback its auto-configuration
            if (System.getProperty(SLF4J_PROVIDER) == null) {
                System.setProperty(SLF4J_PROVIDER, DaemonLoggingProvider.class.getName());
                System.setProperty("slf4j.internal.verbosity", "WARN"); // or it says so on stderr
            }
            LoggerFactory.getILoggerFactory();
        } finally {
            logging.countDown();
        }
    }

    private static void nativeThenTables() {
        Posix.preload(); // the main thread's first need: the PID file lock
        Object[] tables = {RemoteProgram.PROGRAM, QemuProgram.PROGRAM, LxcProgram.PROGRAM, AdminProgram.PROGRAM,
            KeepaliveProgram.PROGRAM, DomainEvents.all()};
        if (tables.length == 0) {
            throw new AssertionError();
        }
        NativeLibraryCache.storeMissing(); // for the next start; nothing to do once stored
        ClassArchiveCheck.dropIfUnmapped();
    }
}
